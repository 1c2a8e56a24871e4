#!/usr/bin/env bash
# Adds a migration NAME for every provider, for the catalog (Tenancy) and the agency model (Infrastructure).
# Usage: scripts/add-migration.sh catalog|agency NAME
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?catalog or agency}; name=${2:?migration name}
dotnet tool restore >/dev/null
case "$target" in
  catalog) project=src/Tenancy; prefix=Catalog; folder=Catalog/Migrations ;;
  agency) project=src/Infrastructure; prefix=Agency; folder=Persistence/Migrations ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
dotnet build "$project" >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${provider}${prefix}DbContext" --output-dir "$folder/$provider"
  dotnet build "$project" >/dev/null
done
