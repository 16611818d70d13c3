using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(SgdDsl.Benchmarks.TwoLayerTanhBenchmarks).Assembly).Run(args);
