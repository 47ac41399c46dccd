// The registry of image analyzers `whittle analyze` runs, in report order.
import type { Analyzer } from '../analyzer.js';
import type { ImageRule } from './common.js';
import { imageConfig, WH640, WH641 } from './config.js';
import { junk, WH600, WH601, WH602, WH603, WH604, WH605, WH607, WH608, WH609, WH610 } from './junk.js';
import { nodeDevDependencies, WH611 } from './node-dev-deps.js';
import { permissions, WH642, WH643, WH644, WH645 } from './permissions.js';
import { removedLater, WH620 } from './removed-later.js';
import { secrets, WH630, WH631, WH632, WH633 } from './secrets.js';
import { toolchain, WH606 } from './toolchain.js';

export const analyzers: readonly Analyzer[] = [
  junk,
  toolchain,
  nodeDevDependencies,
  removedLater,
  secrets,
  imageConfig,
  permissions,
];

/** Every image rule the analyzers report, in id order (for docs and `whittle rules`). */
export const imageRules: readonly ImageRule[] = [
  WH600, WH601, WH602, WH603, WH604, WH605, WH606, WH607, WH608, WH609, WH610, WH611,
  WH620,
  WH630, WH631, WH632, WH633,
  WH640, WH641, WH642, WH643, WH644, WH645,
];
