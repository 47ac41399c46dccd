// Static size estimates behind the `bytes` of whittle's size rules: each one a typical figure with its basis.
// These are estimates, not measurements: an image analysis (`whittle analyze`) gives the real numbers.

export interface SizeEstimate {
  readonly bytes: number;
  /** Where the figure comes from, for docs and for readers who doubt it. */
  readonly basis: string;
}

const MB = 1024 * 1024;

function est(megabytes: number, basis: string): SizeEstimate {
  return Object.freeze({ bytes: Math.round(megabytes * MB), basis });
}

// What a lint rule cannot know is the size of the project's own dependencies; caches are therefore given as a
// share of a typical install, and the typical install is stated here once.
const TYPICAL_NODE_MODULES_MB = 150;
const TYPICAL_SITE_PACKAGES_MB = 150;
const TYPICAL_GEMS_MB = 100;
const TYPICAL_VENDOR_MB = 60;

export const SIZE = Object.freeze({
  aptLists: est(19, 'package indexes under /var/lib/apt/lists after `apt-get update` on debian:bookworm-slim (main, updates, security; amd64)'),
  apkCache: est(3, 'APKINDEX files and packages under /var/cache/apk after `apk update`/`apk add` on alpine:3.19'),
  yumCache: est(60, 'repository metadata under /var/cache/dnf (or yum) after one install on a UBI 9 / Rocky 9 base'),
  npmCache: est(TYPICAL_NODE_MODULES_MB * 0.4, `~/.npm/_cacache holds the packed tarballs, ~40% of a typical ${TYPICAL_NODE_MODULES_MB} MB node_modules`),
  pnpmStore: est(TYPICAL_NODE_MODULES_MB * 0.9, 'the pnpm content-addressed store holds unpacked files, close to the size of node_modules'),
  yarnCache: est(TYPICAL_NODE_MODULES_MB * 0.4, `yarn's zip cache, ~40% of a typical ${TYPICAL_NODE_MODULES_MB} MB node_modules`),
  nodeDevDeps: est(TYPICAL_NODE_MODULES_MB * 0.5, `devDependencies (compiler, bundler, test runner, linters): typically about half of a ${TYPICAL_NODE_MODULES_MB} MB node_modules`),
  pipCache: est(TYPICAL_SITE_PACKAGES_MB * 0.35, `~/.cache/pip keeps the downloaded wheels, ~35% of a typical ${TYPICAL_SITE_PACKAGES_MB} MB site-packages`),
  gemDocs: est(TYPICAL_GEMS_MB * 0.3, `ri/rdoc documentation, ~30% of a typical ${TYPICAL_GEMS_MB} MB of installed gems`),
  gemCache: est(TYPICAL_GEMS_MB * 0.25, `the .gem archives kept under $GEM_HOME/cache, ~25% of a typical ${TYPICAL_GEMS_MB} MB of gems`),
  composerCache: est(TYPICAL_VENDOR_MB * 0.5, `composer's zip and metadata cache, ~50% of a typical ${TYPICAL_VENDOR_MB} MB vendor/`),
  goModCache: est(250, 'GOMODCACHE (/go/pkg/mod) of a mid-sized service: module zips plus their extracted sources'),
  goBuildCache: est(200, 'GOCACHE (~/.cache/go-build) after one `go build` of a mid-sized service'),
  mavenRepo: est(200, '~/.m2/repository of a typical Spring Boot service after `mvn package` (plugins included)'),
  gradleHome: est(350, '~/.gradle of a typical Gradle build: the wrapper distribution (~130 MB) plus caches'),
  buildEssential: est(230, 'installed size apt reports for build-essential on debian:bookworm-slim (gcc, g++, make, libc6-dev, dpkg-dev, perl)'),
  gcc: est(110, 'installed size of gcc-12 with cpp, binutils and libc6-dev on debian:bookworm-slim'),
  gxx: est(150, 'installed size of g++-12 with its gcc dependencies on debian:bookworm-slim'),
  clang: est(300, 'installed size of clang-14 with llvm libraries on debian:bookworm-slim'),
  cmake: est(40, 'installed size of cmake and cmake-data on debian:bookworm-slim'),
  make: est(1.5, 'installed size of make on debian:bookworm-slim'),
  autotools: est(10, 'installed size of one of autoconf, automake or libtool with their m4 and perl dependencies'),
  git: est(45, 'installed size of git with its perl and curl dependencies on debian:bookworm-slim'),
  pythonDev: est(45, 'installed size of python3-dev (libpython3.11-dev, headers, expat) on debian:bookworm-slim'),
  alpineBuildBase: est(200, 'installed size of build-base (gcc, g++, make, musl-dev, binutils) on alpine:3.19'),
  devPackage: est(5, 'a typical -dev/-devel package: headers, static libraries and pkg-config files'),
});

/** A base image tag and the leaner variant documented for it, with the estimated difference in bytes. */
export interface BaseImageSize {
  readonly full: number;
  readonly lean: number;
  readonly basis: string;
}

function base(fullMb: number, leanMb: number, basis: string): BaseImageSize {
  return Object.freeze({ full: Math.round(fullMb * MB), lean: Math.round(leanMb * MB), basis });
}

/** Uncompressed linux/amd64 sizes as `docker images` shows them, for the current major tags at the time of writing. */
export const BASE_IMAGES = Object.freeze({
  debian: base(117, 74, 'debian:bookworm vs debian:bookworm-slim'),
  python: base(1020, 150, 'python:3.12 (buildpack-deps based) vs python:3.12-slim'),
  node: base(1100, 240, 'node:20 (buildpack-deps based) vs node:20-slim'),
  ruby: base(1000, 220, 'ruby:3.3 (buildpack-deps based) vs ruby:3.3-slim'),
  openjdk: base(470, 270, 'openjdk:17 (a full JDK) vs eclipse-temurin:17-jre'),
  golang: base(820, 20, 'golang:1.22 vs a static binary on gcr.io/distroless/static (~2 MB) plus the binary'),
  maven: base(500, 270, 'maven:3-eclipse-temurin-17 vs eclipse-temurin:17-jre'),
  gradle: base(700, 270, 'gradle:8-jdk17 vs eclipse-temurin:17-jre'),
  rust: base(1400, 30, 'rust:1 vs debian:bookworm-slim or distroless/cc plus the binary'),
  dotnetSdk: base(850, 220, 'mcr.microsoft.com/dotnet/sdk:8.0 vs mcr.microsoft.com/dotnet/aspnet:8.0'),
});

/** "~40 MB" for a message. */
export function formatEstimate(bytes: number): string {
  if (bytes >= 1024 * MB) return `~${(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `~${Math.round(bytes / MB)} MB`;
  return `~${Math.max(1, Math.round(bytes / 1024))} KB`;
}
