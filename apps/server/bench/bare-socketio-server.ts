// The baseline: a bare Socket.IO server that broadcasts whatever is POSTed to it, with no
// database, no auth and no event log. Run as a child process by run.ts, like the real server.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    io.emit('event', JSON.parse(body));
    res.writeHead(201, { 'content-type': 'application/json' }).end(body);
  });
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
