// A parser for the bench's consoles that never look at positions (the flood's, and all but the
// sustained load's first). The bench's consoles share one process and one core, where a real
// console is a browser of its own that parses only its own packets. Under the flood, parsing every
// positions packet for all 200 in one event loop is tens of megabytes of JSON a second, and a call
// event waited behind the bench's own backlog: the figure measured the bench. Here a positions
// packet is known by its first bytes and handed on with its batch unread; every other packet (the
// calls being timed among them) is parsed as socket.io's own parser does. The server's work is the
// same: it encodes and sends every packet.
import { Decoder, Encoder, PacketType } from 'socket.io-parser';

/** How a positions event starts on the wire, in the default namespace. */
const POSITIONS = `${PacketType.EVENT}["positions",`;

class SkimmingDecoder extends Decoder {
  override add(obj: unknown): void {
    if (typeof obj === 'string' && obj.startsWith(POSITIONS)) {
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['positions', null] });
      return;
    }
    super.add(obj);
  }
}

export const skimPositions = { Encoder, Decoder: SkimmingDecoder };
