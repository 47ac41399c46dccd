// WH305: a service image with no HEALTHCHECK looks healthy to Docker as long as its process has not exited.
import type { Instruction } from '../dockerfile/model.js';
import { basename } from '../dockerfile/shell.js';
import { shippedStages } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const SERVERS = new Set([
  'nginx', 'httpd', 'apache2', 'apache2ctl', 'caddy', 'traefik', 'haproxy', 'envoy', 'gunicorn', 'uvicorn',
  'hypercorn', 'daphne', 'waitress-serve', 'puma', 'unicorn', 'rackup', 'php-fpm', 'redis-server', 'mongod',
  'postgres', 'mysqld', 'mariadbd', 'memcached', 'rabbitmq-server', 'http-server', 'serve',
]);
const SERVER_WORD = /(?:^|[-_./:])(?:server|runserver)(?:[-_.:]|$)/i;
const LISTEN_FLAG = /^--?(?:port|bind|listen|http-port)(?:=|$)|^0\.0\.0\.0(?::\d+)?$/;

function words(ins: Instruction): readonly string[] {
  return ins.json ?? ins.args.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
}

function serverWord(ins: Instruction): string | undefined {
  return words(ins).find((w) => SERVERS.has(basename(w).replace(/[\d.]+$/, '')) || (!w.startsWith('-') && SERVER_WORD.test(basename(w))) || LISTEN_FLAG.test(w));
}

export const wh305: Rule = {
  id: 'WH305',
  title: 'Give service images a HEALTHCHECK',
  category: 'correctness',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const shipped = shippedStages(df).flatMap((s) => s.instructions);
    if (shipped.some((i) => i.keyword === 'HEALTHCHECK')) return [];
    const expose = shipped.find((i) => i.keyword === 'EXPOSE');
    if (expose !== undefined) {
      return [findingAt(wh305, expose, `the image serves on ${expose.args.trim()} but has no HEALTHCHECK: add one (or \`HEALTHCHECK NONE\` to say it needs none)`)];
    }
    // Only the last CMD and ENTRYPOINT take effect.
    const last = (keyword: string): Instruction | undefined => shipped.filter((i) => i.keyword === keyword).at(-1);
    for (const ins of [last('ENTRYPOINT'), last('CMD')]) {
      if (ins === undefined) continue;
      const word = serverWord(ins);
      if (word === undefined) continue;
      return [findingAt(wh305, ins, `${ins.keyword} starts a server (${word}) but the image has no HEALTHCHECK: add one (or \`HEALTHCHECK NONE\`)`)];
    }
    return [];
  },
};
