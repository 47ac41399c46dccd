// A tiny HTTP service used by whittle's examples.
const http = require('node:http');

const port = Number(process.env.PORT ?? 8080);
http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok\n');
    res.end('hello from whittle\'s example\n');
  })
  .listen(port, () => console.log(`listening on ${port}`));
