# IpcLab — everything needs only the .NET SDK.
DOTNET ?= dotnet
CONFIG ?= Release
CLI := src/IpcLab/IpcLab.csproj

.PHONY: all run build test bench clean restore

all: build

restore:
	$(DOTNET) restore IpcLab.sln

build: restore
	$(DOTNET) build IpcLab.sln -c $(CONFIG) --no-restore

# Opens the lesson menu (pass ARGS="run lessons/bounded-buffer.ipl" to run a verb instead).
run: build
	$(DOTNET) run --project $(CLI) -c $(CONFIG) --no-build -- $(ARGS)

test: build
	$(DOTNET) test IpcLab.sln -c $(CONFIG) --no-build

# Kernel steps per second and snapshot cost (BenchmarkDotNet). FILTER narrows the benchmarks.
bench:
	$(DOTNET) run --project tests/IpcLab.Benchmarks -c Release -- --filter '$(or $(FILTER),*)'

clean:
	$(DOTNET) clean IpcLab.sln -c $(CONFIG)
	rm -rf BenchmarkDotNet.Artifacts
