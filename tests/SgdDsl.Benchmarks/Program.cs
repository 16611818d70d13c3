using BenchmarkDotNet.Running;
using SgdDsl.Benchmarks;

// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --filter '*' --job short   (see docs/benchmarks.md)
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --memory    peak memory, d = 10,000, N = 256
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --lambda    λ estimate: time, standard error, steps/s
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --step    the linearized step by stopwatch (min over repetitions)
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --fixed-costs    bounds and Wu–Ma–E stage by stage, r = 64 and r = 1,000
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --minimize  Minimize from 1% off a teacher, d = 100,480, N = 1,000
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --end-to-end k1|k10 [N]    data and a zero-loss point → report, per stage
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --quick-ratios    network cost ratios by Stopwatch, while iterating
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --generator-cpu   the generator's processor time per model (for a loaded machine)
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --training-step   a GD step at d = 100,480, N = 1,000: hand loop, 1 and 2 threads, interleaved
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --formula-ratios  a formula net against the generated one, by Stopwatch
// dotnet run -c Release --project tests/SgdDsl.Benchmarks -- --product   Π_k w_k (D = 200): Gradient, Hessian, HVP over Value
switch (args)
{
    case ["--memory"]:
        MemoryMeasurement.Run();
        break;
    case ["--quick-ratios"]:
        QuickRatios.Run();
        break;
    case ["--generator-cpu"]:
        GeneratorCpuTime.Run();
        break;
    case ["--formula-ratios"]:
        FormulaRatios.Run();
        break;
    case ["--minimize"]:
        MinimizeMeasurement.Run();
        break;
    case ["--end-to-end", var which]:
        EndToEndMeasurement.Run(which);
        break;
    case ["--end-to-end", var which, var samples]:
        EndToEndMeasurement.Run(which, int.Parse(samples, System.Globalization.CultureInfo.InvariantCulture));
        break;
    case ["--training-step"]:
        TrainingStepMeasurement.Run();
        break;
    case ["--product"]:
        ProductMeasurement.Run();
        break;
    case ["--lambda"]:
        LambdaMeasurement.Run();
        break;
    case ["--step"]:
        StepMeasurement.Run();
        break;
    case ["--fixed-costs", .. var sizes]:
        LambdaMeasurement.FixedCosts(large: sizes is not ["small"]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TwoLayerTanhBenchmarks).Assembly).Run(args);
        break;
}
