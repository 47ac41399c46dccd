// The command line: parses argv, runs a command, and is the only place that prints errors and picks exit codes.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { configFromFlags } from '../config/flags.js';
import { readConfigFile } from '../config/read.js';
import { configFileExpected, resolveLintConfig } from '../config/resolve.js';
import type { ConfigParser } from '../config/resolve.js';
import type { LintConfig } from '../config/config.js';
import type { Result } from '../errors.js';
import { WhittleError, describeError, err } from '../errors.js';
import { LINT_FORMATS } from '../report/index.js';
import { VERSION } from '../version.js';
import type { ExitCode, Io } from './io.js';
import { ANALYZE_FORMATS, BUILDER_KINDS, CONTEXT_FORMATS, INSPECT_FORMATS, RULE_SCOPES, RULES_FORMATS } from './formats.js';
import { lintFiles } from './lint.js';
import { setupShellcheck } from './shellcheck.js';
import { ORIGINS } from '../rules/rule.js';

const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;

// Only reached if a config file appears between the check and the read; say so rather than ignore it.
const noConfigFile: ConfigParser = (_text, file) =>
  err(new WhittleError('CONFIG', 'config file appeared while starting; run again', { file }));

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildArgs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new WhittleError('USAGE', `--build-arg expects NAME=VALUE, got "${p}"`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

/** The lint config as `lint` resolves it (defaults < file < env < flags), for commands that take fewer flags. */
async function loadConfig(io: Io, configPath: string | undefined, flagValues: Parameters<typeof configFromFlags>[0]): Promise<Result<LintConfig>> {
  const flags = configFromFlags(flagValues);
  if (!flags.ok) return flags;
  const input = { cwd: io.cwd, env: io.env, home: io.env.HOME, flags: flags.value, configPath };
  // yaml and zod load only when there is a file to read (most runs have none).
  const parser = configFileExpected(input, readConfigFile) ? (await import('../config/file.js')).parseConfigFile : noConfigFile;
  return resolveLintConfig(input, readConfigFile, parser);
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exit: ExitCode = 0;
  const program = new Command()
    .name('whittle')
    .description('Make container images small, fast to build and safe.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('lint')
    .description('lint Dockerfiles: hadolint rules, ShellCheck, and whittle\'s size and cache rules')
    .argument('[files...]', 'Dockerfiles to lint ("-" reads stdin)', ['Dockerfile'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('tty'))
    .option('-c, --config <path>', 'config file (.whittle.yaml or .hadolint.yaml)')
    .option('--ignore <code>', 'ignore a rule (repeatable)', collect, [] as string[])
    .addOption(new Option('-t, --failure-threshold <level>', 'exit 1 on findings at or above this level').choices(THRESHOLDS))
    .option('--build-arg <NAME=VALUE>', 'build argument, as docker build (repeatable)', collect, [] as string[])
    .option('--context <dir>', 'build context (default: the Dockerfile\'s directory)')
    .option('--pull', 'read registry base images (env, platform) for BuildKit\'s checks')
    .addOption(new Option('--shellcheck <mode>', 'check RUN scripts with ShellCheck').choices(['auto', 'on', 'off'] as const))
    .option('--trusted-registry <registry>', 'allowed registry for DL3026 (repeatable)', collect, [] as string[])
    .option('--strict-labels', 'DL3050: report labels not in the label schema')
    .option('--no-fail', 'always exit 0 when files could be read')
    .option('--no-color', 'never colour the output')
    .option('--error <code>', 'report a rule as an error, as hadolint (repeatable)', collect, [] as string[])
    .option('--warning <code>', 'report a rule as a warning, as hadolint (repeatable)', collect, [] as string[])
    .option('--info <code>', 'report a rule as info, as hadolint (repeatable)', collect, [] as string[])
    .option('--style <code>', 'report a rule as style, as hadolint (repeatable)', collect, [] as string[])
    .option('--require-label <label:type>', 'a label and the format of its value, as hadolint (repeatable)', collect, [] as string[])
    .option('--disable-ignore-pragma', 'disregard `# hadolint ignore=` comments')
    .option('--verbose', 'say on stderr which config file is used')
    .action(async (files, opts, cmd) => {
      // --format has a default, so only a format typed on the command line may outrank a config file's.
      const format = cmd.getOptionValueSource('format') === 'cli' ? opts.format : undefined;
      const resolved = await loadConfig(io, opts.config, { ...opts, format, buildArgs: buildArgs(opts.buildArg) });
      if (!resolved.ok) {
        io.stderr.write(`whittle: ${describeError(resolved.error)}\n`);
        exit = 2;
        return;
      }
      const config = resolved.value;
      if (config.verbose === true) io.stderr.write(`whittle: ${config.configFile === undefined ? 'no config file; using defaults' : `config file: ${config.configFile}`}\n`);
      const shellcheck = await setupShellcheck(config.shellcheck, io.env, io.cwd);
      const result = await lintFiles({ files, format: config.format ?? opts.format, config, ...shellcheck, context: opts.context, pull: opts.pull === true }, io);
      io.stdout.write(result.output);
      for (const f of result.report.files) if (f.error !== null) io.stderr.write(`whittle: ${describeError(f.error)}\n`);
      exit = result.exit;
    });

  program
    .command('inspect')
    .description('show an image\'s platform, config, history and layers (docker-archive, OCI layout or archive, registry, engine)')
    .argument('<image>', 'path (sniffed), or docker-archive:|oci:|oci-archive:|registry:|engine: reference')
    .addOption(new Option('-f, --format <format>', 'output format').choices(INSPECT_FORMATS).default('tty' as const))
    .option('--platform <os/arch[/variant]>', 'which image of a multi-platform index (default: this machine\'s)')
    .option('--username <user>', 'registry user name; the password is read with --password-stdin')
    .option('--password-stdin', 'read the registry password from stdin')
    .option('--insecure-registry <host[:port]>', 'allow plain HTTP or unverified TLS for this registry (repeatable; also WHITTLE_INSECURE_REGISTRIES)', collect, [] as string[])
    .option('--ca-file <pem>', 'extra certificate authorities to trust for registries')
    .action(async (image, opts) => {
      const { imageOptions, inspectImage, renderInspect } = await import('./inspect.js');
      const options = await imageOptions(opts, io);
      const report = options.ok ? await inspectImage(image, options.value) : options;
      if (!report.ok) {
        io.stderr.write(`whittle: ${describeError(report.error)}\n`);
        exit = 2;
        return;
      }
      io.stdout.write(renderInspect(report.value, opts.format));
    });

  program
    .command('fix')
    .description('apply the fixes lint rules offer; print the fixed file, a diff, or write it in place')
    .argument('[file]', 'Dockerfile to fix ("-" reads stdin)', 'Dockerfile')
    .option('--diff', 'print a unified diff instead of the fixed file')
    .option('--write', 'write the fixed file in place (atomically)')
    .option('--check', 'print the diff and exit 1 when fixing would change the file, 0 when not (for CI)')
    .option('--rule <id>', 'only this rule\'s fixes (repeatable; also enables unsafe ones by name)', collect, [] as string[])
    .option('--ignore <id>', 'never apply this rule\'s fixes (repeatable)', collect, [] as string[])
    .option('--unsafe', 'also apply fixes that can change what the image does (non-root USER, --omit=dev)')
    .option('--pin-digests', 'resolve FROM tags to digests through the registry (keeps the tag)')
    .option('--pin-tags', 'pin untagged and :latest FROM images to the most specific version tag with the same digest (registry)')
    .option('--suggest <kind>', 'print a suggested rewrite (multistage), never applied')
    .option('--verify', 'build before and after (buildah or docker) and report size, layers, build time, cache reuse and bytes saved per fix')
    .option('--context <dir>', 'build context for --verify (default: the Dockerfile\'s directory)')
    .option('--store <dir>', 'buildah storage root for --verify, holding local base images (default: a temporary one)')
    .addOption(new Option('--builder <builder>', 'builder for --verify: buildah, or the docker CLI (buildx when installed) against DOCKER_HOST').choices(BUILDER_KINDS).default('auto' as const))
    .option('--totals-only', '--verify: skip the per-fix builds, report only before and after')
    .option('--report <file>', '--verify: also write the measurements as JSON to this file')
    .option('-c, --config <path>', 'config file (.whittle.yaml or .hadolint.yaml): ignored rules and overrides hold for fixes')
    .option('--disable-ignore-pragma', 'disregard `# hadolint ignore=` comments')
    .action(async (file, opts) => {
      if ([opts.diff, opts.write, opts.check].filter((x) => x === true).length > 1) throw new WhittleError('USAGE', '--diff, --write and --check exclude each other');
      if (opts.verify !== true && (opts.report !== undefined || opts.totalsOnly === true)) throw new WhittleError('USAGE', '--report and --totals-only need --verify');
      const config = await loadConfig(io, opts.config, { disableIgnorePragma: opts.disableIgnorePragma });
      if (!config.ok) {
        io.stderr.write(`whittle: ${describeError(config.error)}\n`);
        exit = 2;
        return;
      }
      const { runFix } = await import('./fix.js');
      exit = await runFix({
        config: config.value, builder: opts.builder, totalsOnly: opts.totalsOnly === true, report: opts.report,
        file, mode: opts.write === true ? 'write' : opts.diff === true ? 'diff' : opts.check === true ? 'check' : 'print', rule: opts.rule, ignore: opts.ignore,
        unsafe: opts.unsafe === true, pinDigests: opts.pinDigests === true, pinTags: opts.pinTags === true, suggest: opts.suggest, verify: opts.verify === true,
        context: opts.context, store: opts.store,
      }, io);
    });

  program
    .command('context')
    .description('what the build context sends, what .dockerignore saves and should save, and what each COPY costs')
    .argument('[dir]', 'build context directory', '.')
    .option('--file <path>', 'Dockerfile (default: DIR/Dockerfile)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CONTEXT_FORMATS).default('tty' as const))
    .option('--files', 'list every file the build receives')
    .option('--suggest', 'print a .dockerignore that excludes what the build does not need')
    .option('--write-dockerignore', 'the same, to replace the .dockerignore (only with --write)')
    .option('--write', 'with --write-dockerignore: write it (atomically)')
    .option('--verify', 'build with buildah with the current and the suggested .dockerignore and compare')
    .option('--store <dir>', 'buildah storage root for --verify, holding local base images (default: a temporary one)')
    .option('-c, --config <path>', 'config file (.whittle.yaml or .hadolint.yaml)')
    .option('--ignore <code>', 'ignore a rule (repeatable)', collect, [] as string[])
    .addOption(new Option('-t, --failure-threshold <level>', 'exit 1 on findings at or above this level').choices(THRESHOLDS))
    .option('--no-fail', 'always exit 0 when the build could run')
    .action(async (dir, opts) => {
      if (opts.write === true && opts.writeDockerignore !== true) throw new WhittleError('USAGE', '--write needs --write-dockerignore');
      const config = await loadConfig(io, opts.config, { ignore: opts.ignore, failureThreshold: opts.failureThreshold, fail: opts.fail });
      if (!config.ok) throw config.error;
      const { runContext } = await import('./context.js');
      exit = await runContext({
        dir, file: opts.file, format: opts.format, files: opts.files === true, suggest: opts.suggest === true,
        writeDockerignore: opts.writeDockerignore === true, write: opts.write === true, verify: opts.verify === true,
        store: opts.store, config: config.value,
      }, io);
    });

  program
    .command('analyze')
    .description('analyze an image: dive-compatible efficiency and waste, exact reclaimable bytes, findings, CI budgets')
    .argument('<image>', 'path (sniffed), or docker-archive:|oci:|oci-archive:|registry:|engine: reference')
    .addOption(new Option('-f, --format <format>', 'output format').choices(ANALYZE_FORMATS).default('tty' as const))
    .option('--ci', 'evaluate .dive-ci rules and the .whittle.yaml budget; exit 1 when one fails')
    .option('--ci-config <path>', 'dive CI rules file (default: ./.dive-ci when present)')
    .option('--lowestEfficiency <ratio>', 'dive rule: lowest allowed efficiency (overrides .dive-ci)')
    .option('--highestWastedBytes <size>', 'dive rule: highest allowed wasted bytes (overrides .dive-ci)')
    .option('--highestUserWastedPercent <ratio>', 'dive rule: highest allowed user-wasted ratio (overrides .dive-ci)')
    .option('--platform <os/arch[/variant]>', 'which image of a multi-platform index (default: this machine\'s)')
    .option('--dockerfile <path>', 'the Dockerfile that built the image: findings point at its lines')
    .option('--baseline <file|image>', 'a previous `analyze --format json` report or an image, for budget growth limits')
    .option('--username <user>', 'registry user name; the password is read with --password-stdin')
    .option('--password-stdin', 'read the registry password from stdin')
    .option('--insecure-registry <host[:port]>', 'allow plain HTTP or unverified TLS for this registry (repeatable)', collect, [] as string[])
    .option('--ca-file <pem>', 'extra certificate authorities to trust for registries')
    .option('--no-color', 'never colour the output')
    .action(async (image, opts) => {
      const { runAnalyze } = await import('./analyze.js');
      exit = await runAnalyze(image, {
        format: opts.format,
        ci: opts.ci === true,
        ...(opts.ciConfig === undefined ? {} : { ciConfig: opts.ciConfig }),
        ...(opts.platform === undefined ? {} : { platform: opts.platform }),
        ...(opts.dockerfile === undefined ? {} : { dockerfile: opts.dockerfile }),
        ...(opts.baseline === undefined ? {} : { baseline: opts.baseline }),
        ...(opts.lowestEfficiency === undefined ? {} : { lowestEfficiency: opts.lowestEfficiency }),
        ...(opts.highestWastedBytes === undefined ? {} : { highestWastedBytes: opts.highestWastedBytes }),
        ...(opts.highestUserWastedPercent === undefined ? {} : { highestUserWastedPercent: opts.highestUserWastedPercent }),
        ...(opts.color === false ? { color: false } : {}),
        imageFlags: {
          ...(opts.username === undefined ? {} : { username: opts.username }),
          ...(opts.passwordStdin === true ? { passwordStdin: true } : {}),
          insecureRegistry: opts.insecureRegistry,
          ...(opts.caFile === undefined ? {} : { caFile: opts.caFile }),
        },
      }, io);
    });

  program
    .command('rules')
    .description('list every rule (Dockerfile, image and context) with its id, scope, severity, category and origin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(RULES_FORMATS).default('tty' as const))
    .addOption(new Option('--origin <origin>', 'only the rules of one ruleset').choices(ORIGINS))
    .addOption(new Option('--scope <scope>', 'only Dockerfile rules (lint), image rules (analyze) or context rules (context)').choices(RULE_SCOPES).default('all' as const))
    .action(async (opts) => {
      const { listRules, renderRules } = await import('./rules.js');
      io.stdout.write(renderRules(opts.format, listRules(opts.scope, opts.origin)));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof WhittleError) {
      io.stderr.write(`whittle: ${describeError(e)}\n`);
      return 2;
    }
    throw e;
  }
}
