// How the bench's consoles that never look at positions (the flood's, and all but the sustained
// load's first) take them in: unread. The bench's consoles share one process and one core, where a
// real console is a browser of its own that reads only its own packets. Under the flood, reading
// every positions packet for all 200 in one event loop is tens of megabytes a second, and a call
// event waited behind the bench's own backlog: the figure measured the bench. The server's work is
// the same either way: it encodes and sends every packet, and the kernel hands every byte over.
//
// The websocket transport knows a positions frame by its first bytes and passes on a small
// stand-in, the same event with no batch, without turning the frame into a string (with 512
// terminals reporting, decoding the frames alone kept the bench's event loop 80–156 ms late at p99
// while the server's was 15–20 ms). socket.io's own parser reads the stand-in and every other
// packet, the calls being timed among them.
import { type ManagerOptions, NodeWebSocket } from 'socket.io-client';
import { PacketType } from 'socket.io-parser';

/** How a positions event starts on the wire, in the default namespace. */
const POSITIONS = `${PacketType.EVENT}["positions",`;
/** The same inside an Engine.IO message frame ('4'). */
const POSITIONS_FRAME = Buffer.from(`4${POSITIONS}`);
/** A positions event without its batch. */
const STAND_IN = `4${POSITIONS}null]`;

type MessageHandler = (event: { data: unknown }) => void;
interface NodeWs {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
}

/**
 * Engine.IO's websocket transport for Node, on `ws`, with two changes: the handler Engine.IO sets
 * as `onmessage` is called from `ws`'s own 'message' event, which gives the frame as bytes, so a
 * positions frame is known by its prefix and never decoded (other frames are given as `ws`'s
 * `onmessage` gives them: text as a string, binary as it came); and frames are not checked for
 * valid UTF-8.
 */
class SkimmingWebSocket extends NodeWebSocket {
  override createSocket(uri: string, protocols: string | string[] | undefined, opts: Record<string, unknown>) {
    // The server is ours and sends only JSON; checking every frame's UTF-8 is the bench's work, not its.
    const socket = super.createSocket(uri, protocols, { ...opts, skipUTF8Validation: true }) as NodeWs;
    Object.defineProperty(socket, 'onmessage', {
      set(handler: MessageHandler) {
        socket.on('message', (data, isBinary) => {
          if (!isBinary && data.length > POSITIONS_FRAME.length && data.subarray(0, POSITIONS_FRAME.length).equals(POSITIONS_FRAME)) {
            handler({ data: STAND_IN });
          } else handler({ data: isBinary ? data : data.toString() });
        });
      },
    });
    return socket;
  }
}

/** Options for socket.io-client's `io()`: websocket only, positions skimmed. */
export const skimPositions: Partial<ManagerOptions> = { transports: [SkimmingWebSocket] };
