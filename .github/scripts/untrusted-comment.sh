#!/usr/bin/env bash
# Renders FILE, text written by pull-request code, as the body of a comment: TITLE (trusted, from the workflow), then
# at most LIMIT bytes of FILE inside a code fence longer than any run of backticks in it, so the text can neither
# close the fence nor render as Markdown (no links, images, mentions or HTML).
#
# usage: untrusted-comment.sh TITLE FILE [LIMIT]
set -euo pipefail

title=${1:?usage: untrusted-comment.sh TITLE FILE [LIMIT]} file=${2:?usage: untrusted-comment.sh TITLE FILE [LIMIT]}
limit=${3:-60000}
if [ ! -f "$file" ] || [ -L "$file" ]; then
  echo "untrusted-comment: $file is not a regular file" >&2
  exit 2
fi

size=$(wc -c <"$file")
# Cut at LIMIT bytes, then drop invalid UTF-8 (a character the cut split; iconv -c drops it, and exits 1 for it)
# and any NUL.
text=$(head -c "$limit" "$file" | { iconv -c -f UTF-8 -t UTF-8 2>/dev/null || true; } | tr -d '\000')
longest=$({ grep -o '`\+' <<<"$text" || true; } | awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }')
fence_length=$((longest < 3 ? 3 : longest + 1))
fence=$(printf '%*s' "$fence_length" '' | tr ' ' '`')

echo "$title"
echo
echo "${fence}text"
printf '%s\n' "$text"
echo "$fence"
if [ "$size" -gt "$limit" ]; then
  echo
  echo "Cut at $limit of $size bytes; the whole diff is in the workflow run's job summary."
fi
