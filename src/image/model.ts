// The one image model every source produces and every analysis reads: small, immutable views whose
// layer bodies are reached through openers, so a layer can be read again and nothing is held in memory.
import type { Readable } from 'node:stream';
import type { Result, WhittleError } from '../errors.js';

/** `sha256:<64 hex>` or `sha512:<128 hex>`. */
export type Digest = string;

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

/** One tar header of a layer, paths normalised (no leading `/` or `./`, no `..`, `/`-separated). */
export interface TarEntry {
  readonly path: string;
  readonly type: EntryType;
  /** Size from the header (0 for links and directories). */
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  /** Target of a symlink or hardlink (hardlink targets normalised like `path`). */
  readonly linkname: string | null;
  /** Extended attributes and other PAX records kept as strings. */
  readonly pax: Readonly<Record<string, string>>;
  /**
   * The file body, when the walker was asked for bodies and this is a regular file; must be consumed
   * (or ignored entirely) before the next entry is requested.
   */
  readonly body: Readable | null;
}

export interface HistoryEntry {
  readonly created: string | null;
  readonly createdBy: string | null;
  readonly comment: string | null;
  readonly emptyLayer: boolean;
}

export interface Healthcheck {
  readonly test: readonly string[];
  readonly interval: number | null;
  readonly timeout: number | null;
  readonly retries: number | null;
}

/** The parts of the image config whittle reads (OCI image-spec `config` + top-level fields). */
export interface ImageConfig {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string | null;
  readonly user: string | null;
  /** `NAME=value` strings exactly as stored (reporters print names only). */
  readonly env: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly exposedPorts: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly healthcheck: Healthcheck | null;
  readonly workingDir: string | null;
  readonly diffIds: readonly Digest[];
  readonly history: readonly HistoryEntry[];
}

export interface WalkOptions {
  /** Hand out file bodies (secrets scans, content hashing); without it, bodies are skipped (seeked over where possible). */
  readonly bodies?: boolean;
  /**
   * Read every byte so the blob digest and diff ID are checked even where a header-only walk could seek
   * (uncompressed blobs on disk). Walks that read every byte anyway always verify.
   */
  readonly verify?: boolean;
}

export interface Layer {
  /** Position in the manifest (0 = base). */
  readonly index: number;
  /** The blob as stored or pulled. */
  readonly digest: Digest;
  /** Digest of the uncompressed tar (config rootfs.diff_ids). */
  readonly diffId: Digest;
  readonly mediaType: string;
  /** Blob size as stored or pulled; null where the source cannot tell without reading. */
  readonly compressedSize: number | null;
  /** The history entry that created it (`empty_layer` entries skipped), shell prefix kept. */
  readonly createdBy: string | null;
  /** Foreign / non-distributable layers are listed but never fetched. */
  readonly foreign: boolean;
  /**
   * Streams the layer's tar entries in archive order, decompressing and verifying the blob digest and
   * diff ID as it goes; a mismatch throws a WhittleError naming the blob.
   */
  entries(options?: WalkOptions): AsyncIterable<TarEntry>;
}

export type SourceKind = 'docker-archive' | 'oci' | 'oci-archive' | 'registry' | 'engine';

export interface Image {
  /** The reference as the user gave it, resolved (`registry:localhost:5000/app:1`, `oci:/tmp/x`). */
  readonly ref: string;
  readonly source: SourceKind;
  /** Digest of the manifest (or, for archives without one, of the config). */
  readonly digest: Digest;
  readonly manifestMediaType: string;
  readonly configDigest: Digest;
  readonly platform: Platform;
  readonly config: ImageConfig;
  /** Layers in manifest order, always. */
  readonly layers: readonly Layer[];
}

export interface OpenOptions {
  /** `os/arch[/variant]` to pick from an index; default: the machine's. */
  readonly platform?: string;
}

/** A place images live. Sources only open: they do not build, extract or print. */
export interface ImageSource {
  readonly kind: SourceKind;
  open(location: string, options: OpenOptions): Promise<Result<Image, WhittleError>>;
}

/** Opens a blob's bytes again from the start (files re-read, registries re-fetched or served from the cache). */
export type Opener = () => Promise<Readable>;
