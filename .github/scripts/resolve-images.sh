#!/usr/bin/env bash
# Prints `service=<repository>@sha256:<digest>` for each service whose image changed, one a line.
#
# Standard input lists the commits not yet released, newest first (deploy.yml: those since the last successful
# release). IMAGE_REPOSITORIES lists one `service=<ECR repository URI>` a line. The image build pushes
# `<repository>:<commit sha>` for the services a commit changes, so a service's image changed when one of those
# commits tagged an image in its repository; the newest such image is released, by the digest the tag points to.
#
# Tags are read with `aws ecr list-images` rather than `docker buildx imagetools inspect`: an IAM-authorised API call
# (ecr:ListImages) with no registry login, one call per repository whatever the number of commits, and the digest of
# exactly the manifest (or multi-architecture index) that was pushed, which is what ECS pulls.
#
# usage: git rev-list LAST..HEAD | resolve-images.sh   (IMAGE_REPOSITORIES in the environment)
set -euo pipefail

ecr_uri='^([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/([a-z0-9][a-z0-9._/-]*)$'
repositories=${IMAGE_REPOSITORIES:?IMAGE_REPOSITORIES is not set: one service=<ECR repository URI> a line}
mapfile -t commits < <(grep -E '^[0-9a-f]{40}$' || true)
if [ "${#commits[@]}" -eq 0 ]; then
  echo "resolve-images: no commit on standard input (expected full commit SHAs, newest first)" >&2
  exit 2
fi

line_number=0
while IFS= read -r line || [ -n "$line" ]; do
  line_number=$((line_number + 1))
  [ -z "${line//[[:space:]]/}" ] && continue
  service=${line%%=*} repository=${line#*=}
  if [ "$service" = "$line" ] || [[ ! "$service" =~ ^[a-z0-9-]+$ ]]; then
    echo "resolve-images: IMAGE_REPOSITORIES line $line_number: '$line' is not service=repository (service: lower-case letters, digits, hyphens)" >&2
    exit 2
  fi
  if [[ ! "$repository" =~ $ecr_uri ]]; then
    echo "resolve-images: IMAGE_REPOSITORIES line $line_number: '$repository' is not an ECR repository URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME, no tag)" >&2
    exit 2
  fi
  # "tag digest" per tagged image.
  tags=$(aws ecr list-images --registry-id "${BASH_REMATCH[1]}" --region "${BASH_REMATCH[2]}" \
    --repository-name "${BASH_REMATCH[3]}" --filter tagStatus=TAGGED \
    --query 'imageIds[].[imageTag,imageDigest]' --output text </dev/null)
  released=""
  for commit in "${commits[@]}"; do
    digest=$(awk -v tag="$commit" '$1 == tag { print $2; exit }' <<<"$tags")
    [ -z "$digest" ] && continue
    if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
      echo "resolve-images: $service: ECR lists '$digest' for $repository:$commit, not a sha256 digest" >&2
      exit 1
    fi
    echo "resolve-images: $service: $repository:$commit is $digest" >&2
    echo "$service=$repository@$digest"
    released=$commit
    break
  done
  [ -z "$released" ] && echo "resolve-images: $service: no image tagged with an unreleased commit, unchanged" >&2
done <<<"$repositories"
exit 0
