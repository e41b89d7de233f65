#!/bin/sh
# One-shot job (service temporal-setup in compose.yaml, temporalio/admin-tools image): waits for the
# Temporal frontend and the namespace, then registers the service's custom search attributes.
# Idempotent: attributes that already exist are left alone, so re-running it is harmless.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
ATTRIBUTES="ScreeningStage ScreeningAssignee" # all of type Keyword
ATTEMPTS="${SETUP_ATTEMPTS:-90}"              # x 2 s

try=0
until temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; do
  try=$((try + 1))
  if [ "$try" -ge "$ATTEMPTS" ]; then
    echo "temporal-setup: namespace '$NAMESPACE' not reachable at $ADDRESS after $ATTEMPTS attempts" >&2
    exit 1
  fi
  echo "temporal-setup: waiting for namespace '$NAMESPACE' at $ADDRESS ..."
  sleep 2
done

missing() {
  existing="$(temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE")"
  for name in $ATTRIBUTES; do
    printf '%s\n' "$existing" | grep -qw "$name" || printf '%s ' "$name"
  done
}

todo="$(missing)"
if [ -z "$todo" ]; then
  echo "temporal-setup: search attributes already present: $ATTRIBUTES"
  exit 0
fi

set --
for name in $todo; do set -- "$@" --name "$name" --type Keyword; done
echo "temporal-setup: creating search attributes: $todo"
temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" "$@"

todo="$(missing)"
if [ -n "$todo" ]; then
  echo "temporal-setup: still missing after create: $todo" >&2
  exit 1
fi
echo "temporal-setup: done ($ATTRIBUTES on namespace '$NAMESPACE')"
