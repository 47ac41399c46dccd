// The Go sort.Sort port sorts correctly at every size and keeps insertion sort's stability up to 12 items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goSortArray } from './gosort.js';

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
}

test('sorts random, sorted, reversed and few-valued arrays of many sizes (insertion, pdq, heap paths)', () => {
  const next = rng(7);
  for (const n of [0, 1, 2, 5, 12, 13, 49, 50, 51, 100, 1000, 5000]) {
    const inputs = [
      Array.from({ length: n }, () => next() % 1000),
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, () => next() % 3),
      Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : n - i)),
    ];
    for (const xs of inputs) {
      const want = [...xs].sort((a, b) => a - b);
      const got = [...xs];
      goSortArray(got, (a, b) => a < b);
      assert.deepEqual(got, want, `n=${n}`);
    }
  }
});

test('up to 12 items, ties keep their input order (Go uses a stable insertion sort there)', () => {
  const items = Array.from({ length: 12 }, (_, i) => ({ key: i % 3, id: i }));
  goSortArray(items, (a, b) => a.key < b.key);
  assert.deepEqual(items.map((x) => x.id), [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
});

test('the same input always gives the same order of ties (deterministic, like Go)', () => {
  const make = (): { key: number; id: number }[] => Array.from({ length: 200 }, (_, i) => ({ key: (i * 7919) % 5, id: i }));
  const a = make();
  const b = make();
  goSortArray(a, (x, y) => x.key < y.key);
  goSortArray(b, (x, y) => x.key < y.key);
  assert.deepEqual(a.map((x) => x.id), b.map((x) => x.id));
});
