#!/usr/bin/env bash
# BddWs as a team uses it, from this checkout and the package registry only: pack the libraries
# and the template into a local folder, install the template, create a suite with
# `dotnet new bddws`, add a sentence of the team's own, run the suite against the bundled server
# (started with `dotnet run --project server`), and check that it passed, that the report and the
# catalog were written, and that the catalog lists the team's sentence. Uninstalls the template.
# Usage: tools/template-check.sh   (exit 0 when all of that holds)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
feed=$work/feed
suite=$work/TeamSpecs
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  dotnet new uninstall BddWs.Templates >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "+ pack into $feed"
dotnet pack -c Release -o "$feed" --nologo -v quiet
# This checkout's packages, not an earlier build of the same version from the package cache.
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "$packages"/bddws.*

echo "+ dotnet new install, dotnet new bddws"
dotnet new install "$feed"/BddWs.Templates.*.nupkg >/dev/null
dotnet new bddws -o "$suite" >/dev/null
cat >"$suite/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="bddws-local" value="$feed" />
  </packageSources>
</configuration>
EOF

echo "+ a sentence of the team's own"
cat >"$suite/StepDefinitions/PoliteSteps.cs" <<'EOF'
using BddWs.Driver;
using BddWs.StepDefinitions;
using Reqnroll;

namespace TeamSpecs.StepDefinitions;

/// <summary>Manners: how our team greets the service.</summary>
[Binding]
public sealed class PoliteSteps(ScenarioConnections connections)
{
    /// <summary>Sends "Good morning" on the scenario's connection.</summary>
    /// <example>When I greet the service politely</example>
    [When("I greet the service politely")]
    public Task GreetPolitely() => connections[ConnectionName.Default].SendAsync(WebSocketMessage.FromText("Good morning"));
}
EOF
cat >"$suite/features/manners.feature" <<'EOF'
Feature: Manners

  Scenario: A polite greeting is answered
    Given I am connected to the echo server
    When I greet the service politely
    Then I receive a message containing "Good morning"
    And I am greeted by the service
EOF

echo "+ the bundled server, started on its own"
log=$work/server.log
dotnet run --project "$repo/server" -- --urls http://127.0.0.1:0 >"$log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 120))
until grep -qm1 "Now listening on: " "$log"; do
  ((SECONDS < deadline)) || { echo "the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
url=$(grep -m1 "Now listening on: " "$log" | sed 's/.*Now listening on: //; s/^http/ws/' | tr -d '\r')/ws

echo "+ dotnet test in the new suite, against $url"
(cd "$suite" && BDDWS_SERVER_URL=$url dotnet test)

for file in reports/living-doc.html reports/living-doc/echo.html reports/step-catalog.html; do
  [ -s "$suite/$file" ] || { echo "template check: $file was not written" >&2; exit 1; }
done
grep -q "I greet the service politely" "$suite/reports/step-catalog.html" ||
  { echo "template check: the catalog does not list the team's sentence" >&2; exit 1; }
grep -q "I receive a message containing" "$suite/reports/step-catalog.html" ||
  { echo "template check: the catalog does not list the BddWs sentences" >&2; exit 1; }

echo "+ the product owner's loop in the new suite: dotnet bddws watch, through scripted saves"
BDDWS_SERVER_URL=$url tools/watch-check.sh "$suite" features/echo.feature ""
echo "template check: the new suite passed; report, catalog and the team's sentence are there"
