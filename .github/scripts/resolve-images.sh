#!/usr/bin/env bash
# Prints `service=<repository>@sha256:<digest>` for each service whose image changed in commit COMMIT, one a line.
#
# IMAGE_REPOSITORIES lists one `service=<ECR repository URI>` a line. The image build pushes
# `<repository>:<commit sha>` for the services a commit changes; a service's image changed when that tag exists and
# its digest differs from the one tagged with the previous commit PREVIOUS (when that tag exists). Tags are resolved
# with `aws ecr describe-images`: one IAM-authorised API call, no registry login, and the digest of exactly the
# manifest (or multi-architecture index) that was pushed, which is what ECS then pulls.
#
# usage: resolve-images.sh COMMIT [PREVIOUS]   (IMAGE_REPOSITORIES in the environment)
set -euo pipefail

commit=${1:?usage: resolve-images.sh COMMIT [PREVIOUS]}
previous=${2:-}
ecr_uri='^([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/([a-z0-9][a-z0-9._/-]*)$'

# The digest tagged TAG in the repository, or nothing when no image has that tag; any other error stops the script.
digest_of() { # <registry id> <region> <repository name> <tag>
  local out status=0
  out=$(aws ecr describe-images --registry-id "$1" --region "$2" --repository-name "$3" --image-ids "imageTag=$4" \
    --query 'imageDetails[0].imageDigest' --output text 2>&1) || status=$?
  if [ "$status" -eq 0 ]; then
    echo "$out"
  elif ! grep -q 'ImageNotFoundException' <<<"$out"; then
    echo "resolve-images: aws ecr describe-images failed for $3:$4: $out" >&2
    return 1
  fi
}

line_number=0
while IFS= read -r line || [ -n "$line" ]; do
  line_number=$((line_number + 1))
  [ -z "${line//[[:space:]]/}" ] && continue
  service=${line%%=*} repository=${line#*=}
  if [[ ! "$service" =~ ^[a-z0-9-]+$ ]] || [ "$service" = "$line" ]; then
    echo "resolve-images: IMAGE_REPOSITORIES line $line_number: '$line' is not service=repository (service: lower-case letters, digits, hyphens)" >&2
    exit 2
  fi
  if [[ ! "$repository" =~ $ecr_uri ]]; then
    echo "resolve-images: IMAGE_REPOSITORIES line $line_number: '$repository' is not an ECR repository URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME, no tag)" >&2
    exit 2
  fi
  registry=${BASH_REMATCH[1]} region=${BASH_REMATCH[2]} name=${BASH_REMATCH[3]}
  digest=$(digest_of "$registry" "$region" "$name" "$commit")
  if [ -z "$digest" ]; then
    echo "resolve-images: $service: no image tagged $commit, unchanged" >&2
    continue
  fi
  if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "resolve-images: $service: ECR answered '$digest' for $name:$commit, not a sha256 digest" >&2
    exit 1
  fi
  previous_digest=""
  [ -n "$previous" ] && previous_digest=$(digest_of "$registry" "$region" "$name" "$previous")
  if [ "$previous_digest" = "$digest" ]; then
    echo "resolve-images: $service: $commit is the same image as $previous, unchanged" >&2
    continue
  fi
  echo "resolve-images: $service: $repository:$commit is $digest" >&2
  echo "$service=$repository@$digest"
done <<<"${IMAGE_REPOSITORIES:?IMAGE_REPOSITORIES is not set: one service=<ECR repository URI> a line}"
