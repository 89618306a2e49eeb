#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] — build the libFuzzer target (build/fuzz, clang++, ASan + UBSan) and
# fuzz the interpreter for SECONDS (default 60), starting from fuzz/corpus plus every program of
# tests/differential/programs and tests/lang/cases. New inputs go to build/fuzz/corpus (not the
# repository); crashes to build/fuzz/artifacts/. `scripts/fuzz.sh --merge` instead minimizes
# fuzz/corpus + build/fuzz/corpus into fuzz/corpus (the small corpus kept in the repository:
# what the seed programs do not already cover, smallest inputs first, FUZZ_CORPUS_BUDGET bytes,
# 300,000 by default).
# See fuzz/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BUILD=build/fuzz
step "build $BUILD (clang++, -DREFSCOPE_FUZZ=ON)"
CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" -DREFSCOPE_FUZZ=ON >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target refscope_fuzz

mkdir -p "$BUILD/corpus" "$BUILD/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
FLAGS=(-dict=fuzz/python.dict -max_len=4096 -timeout=10 -rss_limit_mb=2048
       "-artifact_prefix=$BUILD/artifacts/")

if [[ "${1:-}" == "--merge" ]]; then
  # Keep only what the seeds (already in the repository) do not cover: merge fuzz/corpus and
  # build/fuzz/corpus into a copy of the seed programs, and keep the files the merge added.
  step "minimize fuzz/corpus + $BUILD/corpus (beyond the seed programs) into fuzz/corpus"
  rm -rf "$BUILD/merged" && mkdir -p "$BUILD/merged" "$BUILD/merge-new"
  cp tests/differential/programs/*/*.py tests/lang/cases/* "$BUILD/merged/"
  ls "$BUILD/merged" | sort > "$BUILD/merged.seeds"
  "$BUILD/refscope_fuzz" "${FLAGS[@]}" -set_cover_merge=1 "$BUILD/merged" fuzz/corpus "$BUILD/corpus"
  # The repository keeps at most BUDGET bytes of them, smallest first.
  rm -f fuzz/corpus/*
  local_total=0
  budget="${FUZZ_CORPUS_BUDGET:-300000}"
  while read -r size name; do
    (( local_total + size > budget )) && break
    cp "$BUILD/merged/$name" fuzz/corpus/
    local_total=$(( local_total + size ))
  done < <(comm -13 "$BUILD/merged.seeds" <(ls "$BUILD/merged" | sort) |
           while read -r name; do echo "$(stat -c %s "$BUILD/merged/$name") $name"; done | sort -n)
  echo "fuzz/corpus: $(ls fuzz/corpus | wc -l) files, $(du -sh fuzz/corpus | cut -f1)"
  exit 0
fi

SECONDS_TO_RUN="${1:-60}"
step "fuzz for ${SECONDS_TO_RUN}s"
nice -n 10 "$BUILD/refscope_fuzz" "${FLAGS[@]}" -max_total_time="$SECONDS_TO_RUN" \
  -print_final_stats=1 "$BUILD/corpus" fuzz/corpus tests/differential/programs tests/lang/cases
