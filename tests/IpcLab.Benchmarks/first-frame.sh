#!/usr/bin/env bash
# First frame after start: how long a student waits between starting
#   dotnet src/IpcLab/bin/Release/net10.0/ipclab.dll tui lessons/bounded-buffer.ipl
# and seeing the run screen, in a real 120x40 terminal (tmux). The figure includes the dotnet
# host start, assembly loading and JIT: all of it is part of the wait. Target: under 1 s.
#
# For each of RUNS runs (default 5): a new private tmux server (its own socket, no user config) opens
# a detached 120x40 session whose shell waits on a tmux channel; the clock starts, the channel is
# signalled and the shell execs the program; the pane is captured every ~20 ms until the run
# screen shows ("Threads" and "step 0"); the elapsed milliseconds are recorded and the server is
# killed. Prints each figure and the median. A run that shows nothing within 10 s fails the
# script (exit 1). Needs the program built (make bench-tui-start builds it first).
#
# Environment: DOTNET (default dotnet), RUNS (default 5), TIMEOUT_MS (default 10000), TUI_ARGS
# (added to the command), DLL (the program to start; default the plain Release build,
# src/IpcLab/bin/Release/net10.0/ipclab.dll; make bench-tui-start passes the ReadyToRun copy that make run starts).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOTNET=${DOTNET:-dotnet}
RUNS=${RUNS:-5}
TIMEOUT_MS=${TIMEOUT_MS:-10000}
TUI_ARGS=${TUI_ARGS:-}
POLL_S=0.02
DLL=${DLL:-src/IpcLab/bin/Release/net10.0/ipclab.dll}
LESSON=lessons/bounded-buffer.ipl

cd "$ROOT"

# As the Makefile's tmux target: install tmux when missing.
if ! command -v tmux >/dev/null 2>&1; then
    echo "installing tmux (the first-frame measurement runs the program in it)"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update && $SUDO apt-get install -y tmux
fi

if [ ! -f "$DLL" ]; then
    echo "first-frame: $DLL is not built; run: $DOTNET build IpcLab.sln -c Release" >&2
    exit 1
fi

DOTNET_PATH=$(command -v "$DOTNET" || true)
if [ -z "$DOTNET_PATH" ]; then
    echo "first-frame: $DOTNET not found" >&2
    exit 1
fi

# Each run has its own tmux server (socket): a new server never meets the previous one shutting down.
socket=""
tm() { tmux -L "$socket" -f /dev/null "$@"; }
# kill-server leaves the socket file behind: remove it too.
cleanup() {
    [ -n "$socket" ] || return 0
    tm kill-server >/dev/null 2>&1 || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
}
trap cleanup EXIT

times=()
for ((run = 1; run <= RUNS; run++)); do
    socket="ipclab-first-frame-$$-$run"
    session="first-frame-$$-$run"
    channel="go-$$-$run"
    # The shell in the pane waits for the signal, then becomes the program (nothing in between);
    # kill-server ends the program with its pane.
    tm new-session -d -s "$session" -x 120 -y 40 -c "$ROOT" \
        "tmux -L '$socket' wait-for '$channel' && exec '$DOTNET_PATH' '$DLL' tui '$LESSON' $TUI_ARGS"
    sleep 0.2 # let the pane's shell reach wait-for (a signal sent earlier is kept, so this is only tidiness)

    # The clock: microseconds since the epoch from bash 5's EPOCHREALTIME (no process started).
    start=${EPOCHREALTIME/[.,]/}
    tm wait-for -S "$channel"
    elapsed_ms=""
    while :; do
        screen=$(tm capture-pane -p -t "$session" 2>/dev/null || true)
        t=${EPOCHREALTIME/[.,]/}
        if [[ $screen == *Threads* && $screen == *"step 0"* ]]; then
            elapsed_ms=$(( (t - start) / 1000 ))
            break
        fi
        if (( (t - start) / 1000 >= TIMEOUT_MS )); then
            break
        fi
        sleep "$POLL_S"
    done
    cleanup

    if [ -z "$elapsed_ms" ]; then
        echo "run $run: FAILED: no run screen (\"Threads\" and \"step 0\") within $TIMEOUT_MS ms; last screen:" >&2
        printf '%s\n' "$screen" >&2
        exit 1
    fi
    echo "run $run: first frame after ${elapsed_ms} ms"
    times+=("$elapsed_ms")
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
echo "first frame after start (120x40, $LESSON${TUI_ARGS:+ $TUI_ARGS}, $RUNS runs): ${times[*]} ms; median ${median} ms (target: under 1000 ms)"
