# IpcLab — everything needs only the .NET SDK.
DOTNET ?= dotnet
CONFIG ?= Release
CLI := src/IpcLab/IpcLab.csproj
APP = src/IpcLab/bin/$(CONFIG)/net10.0/ipclab.dll

.PHONY: all run ready build test bench bench-compare bench-tui-start bench-tui-key bench-tui-key-tmux fuzz clean restore tmux rabbitmq rabbitmq-up conformance

all: build

# dotnet reads no terminal here (</dev/null): given one, it leaves it in application cursor-key
# and keypad mode, and the arrows of the shell's next command would send ESC O A.
restore:
	$(DOTNET) restore IpcLab.sln </dev/null

build: restore
	$(DOTNET) build IpcLab.sln -c $(CONFIG) --no-restore </dev/null

# The command compiled ahead of time (ReadyToRun) for this machine's runtime, in $(READY): it starts
# about twice as fast as the plain build (no JIT of Terminal.Gui before the first frame). Publishing
# again compiles only what changed. The build reads no terminal (see restore).
READY = src/IpcLab/bin/$(CONFIG)/ready
ready:
	@echo "building ipclab ($(CLI), ReadyToRun)"; out=$$($(DOTNET) publish $(CLI) -c $(CONFIG) --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o $(READY) -nologo </dev/null 2>&1) || { printf '%s\n' "$$out"; exit 1; }

# Opens the lesson menu (pass ARGS="run lessons/bounded-buffer.ipl" to run a verb instead).
# Builds only the command and the libraries it uses (not the tests or the benchmarks). A run that
# ends in a finding exits 1: that is what a lesson shows, so make says it in words and goes on;
# usage errors (2) and internal errors (70) still fail. The build reads no terminal (see restore).
# The screens (no verb, tui, lesson) run without dynamic PGO: its instrumented code makes a key's
# frame about a third slower for the few hundred keys of a lesson, and the first frame slower too;
# the checker's verbs keep it (the explorer is a third faster with it). See README, Benchmarks.
SCREEN_ENV = $(if $(filter-out tui lesson,$(firstword $(ARGS))),,DOTNET_TieredPGO=0)
run: ready
	@$(SCREEN_ENV) $(DOTNET) $(READY)/ipclab.dll $(ARGS); code=$$?; \
	if [ $$code -eq 1 ]; then echo "(ipclab exited with 1: the run ended in a finding)"; \
	elif [ $$code -ne 0 ]; then exit $$code; fi

test: build tmux rabbitmq
	$(DOTNET) test IpcLab.sln -c $(CONFIG) --no-build </dev/null

# Only the conformance suite: the broker's scenarios on the model and on the real RabbitMQ node, each
# printed side by side.
conformance: rabbitmq
	$(DOTNET) build tests/IpcLab.Conformance -c $(CONFIG) </dev/null
	$(DOTNET) test tests/IpcLab.Conformance -c $(CONFIG) --no-build --logger 'console;verbosity=detailed' </dev/null

# The terminal UI's end-to-end test drives the real program in tmux: install it when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
tmux:
	@command -v tmux >/dev/null 2>&1 || { echo "installing tmux (the terminal UI's end-to-end test needs it)"; $(SUDO) apt-get update && $(SUDO) apt-get install -y tmux; }

# The conformance suite compares the broker with a real RabbitMQ node on localhost:5672 (user guest):
# install rabbitmq-server when missing, start a node when none answers on the port, and wait until it serves.
RABBITMQCTL = PATH="$$PATH:/usr/sbin" $(SUDO) rabbitmqctl
rabbitmq:
	@PATH="$$PATH:/usr/sbin" command -v rabbitmq-server >/dev/null 2>&1 || { echo "installing rabbitmq-server (the conformance suite compares the broker with it)"; $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server; }
	@bash -c ': </dev/tcp/127.0.0.1/5672' 2>/dev/null || { echo "starting a RabbitMQ node"; PATH="$$PATH:/usr/sbin" $(SUDO) rabbitmq-server -detached && $(MAKE) -s rabbitmq-up; }

# await_startup fails at once while the detached node has not registered yet: ask again, a bounded
# number of times (each asking starts an Erlang VM, about a second).
rabbitmq-up:
	@for attempt in $$(seq 60); do $(RABBITMQCTL) -q await_startup >/dev/null 2>&1 && exit 0; done; \
	echo "the RabbitMQ node did not start: see /var/log/rabbitmq/"; exit 1

# Kernel steps per second and snapshot cost (BenchmarkDotNet). FILTER narrows the benchmarks.
bench:
	$(DOTNET) run --project tests/IpcLab.Benchmarks -c Release -- --filter '$(or $(FILTER),*)'

# Long fuzzing: N mutants of the lessons and their saved runs through the command line; counts
# per outcome, and every crashing mutant saved to OUT (default fuzz-crashes/) with its seed.
fuzz: build
	$(DOTNET) run --project tests/IpcLab.Fuzz -c Release --no-build -- --count $(or $(N),10000) --seed $(or $(SEED),1) --out '$(or $(OUT),fuzz-crashes)'

# The same benchmarks at an older commit and here, one after the other: BASE=<commit>, FILTER as above.
bench-compare:
	DOTNET='$(DOTNET)' BASE='$(BASE)' FILTER='$(or $(FILTER),*KernelStep*)' bash tests/IpcLab.Benchmarks/compare.sh

# The terminal UI's first frame after start: the real program in tmux 120x40, five runs and the median
# (the Terminal.Gui screen, the only one; TUI_ARGS adds arguments).
bench-tui-start: CONFIG = Release
bench-tui-start: ready tmux
	DOTNET_TieredPGO=$(or $(PGO),0) DOTNET='$(DOTNET)' DLL='$(READY)/ipclab.dll' TUI_ARGS='$(TUI_ARGS)' bash tests/IpcLab.Benchmarks/first-frame.sh

# Key press (space) to updated screen on a 120x40 pseudo-terminal, nothing between the program and
# the measurement: p50, p90 and the largest over 25 presses after 5 (TUI_ARGS adds arguments).
bench-tui-key: CONFIG = Release
bench-tui-key: ready
	@out=$$($(DOTNET) build tests/IpcLab.KeyPress -c Release -nologo </dev/null 2>&1) || { printf '%s\n' "$$out"; exit 1; }
	DOTNET_TieredPGO=$(or $(PGO),0) $(DOTNET) tests/IpcLab.KeyPress/bin/Release/net10.0/IpcLab.KeyPress.dll --dotnet '$(DOTNET)' --program '$(READY)/ipclab.dll' -- $(TUI_ARGS)

# The same press seen through tmux (its own passing of the key and reading of the pane included).
bench-tui-key-tmux: CONFIG = Release
bench-tui-key-tmux: ready tmux
	DOTNET='$(DOTNET)' DLL='$(READY)/ipclab.dll' TUI_ARGS='$(TUI_ARGS)' bash tests/IpcLab.Benchmarks/key-press.sh

clean:
	$(DOTNET) clean IpcLab.sln -c $(CONFIG)
	rm -rf BenchmarkDotNet.Artifacts fuzz-crashes $(READY)
