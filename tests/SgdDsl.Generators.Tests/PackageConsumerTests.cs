using System.IO.Compression;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// The paths real users take: pack the solution, reference a package from a project outside the solution, declare a
/// model, build and run: the generated gradient (SgdDsl), and the whole command line hosted for the user's own models
/// (SgdDsl.CommandLine).
/// </summary>
public class PackageConsumerTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    [Fact]
    public void Packing_the_solution_makes_exactly_the_published_packages()
    {
        var packages = Directory.GetFiles(packed.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "SgdDsl", "SgdDsl.CommandLine", "SgdDsl.Plots", "sgd-stability" }.Select(p => $"{p}.{packed.Version}.nupkg").Order(StringComparer.Ordinal), packages);
    }

    [Fact]
    public void The_tool_package_carries_the_libraries_it_runs_with()
    {
        // A .NET tool ships its dependencies in its own folder.
        using var tool = ZipFile.OpenRead(Path.Combine(packed.Feed, $"sgd-stability.{packed.Version}.nupkg"));
        Assert.Contains(tool.Entries, e => e.FullName == "tools/net10.0/any/SgdDsl.Plots.dll");
        Assert.Contains(tool.Entries, e => e.FullName == "tools/net10.0/any/SgdDsl.CommandLine.dll");
    }

    [Fact]
    public void A_project_referencing_only_the_package_gets_generated_derivatives()
    {
        var (consumer, packages) = ConsumerProject("consumer", "SgdDsl");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using SgdDsl;
            using static SgdDsl.Dsl;

            var gradient = new double[2];
            var value = ProductModel.Gradient([1.3, 0.9], [2.0, 1.0], gradient);
            System.Console.WriteLine(string.Join(" ", new[] { value, gradient[0], gradient[1] }.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

            [SgdModel]
            public static partial class ProductModel
            {
                [Loss]
                static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);
            }
            """);

        var output = PackedSolution.Run("dotnet", "run -c Release", consumer, packages).Trim().Split(' ').Select(double.Parse).ToArray();
        // r = a·b·x − y = 1.34; ℓ = r²/2, ∂ℓ/∂a = b·x·r, ∂ℓ/∂b = a·x·r; rounding of a few products only.
        var r = 1.3 * 0.9 * 2.0 - 1.0;
        Assert.Equal(0.5 * r * r, output[0], 1e-12);
        Assert.Equal(0.9 * 2.0 * r, output[1], 1e-12);
        Assert.Equal(1.3 * 2.0 * r, output[2], 1e-12);
    }

    [Fact]
    public void A_console_project_of_three_lines_hosts_the_command_line_for_its_own_models()
    {
        var (host, packages) = ConsumerProject("host", "SgdDsl.CommandLine");
        File.WriteAllText(Path.Combine(host, "Program.cs"), "return SgdDsl.CommandLine.SgdCommandLine.Run(args, SgdDsl.Generated.SgdDslModels.All);\n");
        File.WriteAllText(Path.Combine(host, "Models.cs"), """
            using SgdDsl;
            using static SgdDsl.Dsl;

            [SgdModel]
            public static partial class Scaled
            {
                [Loss]
                static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);
            }
            """);
        File.WriteAllText(Path.Combine(host, "data.csv"), "x,y\n0.9,0.9\n2.5,2.5\n");
        PackedSolution.Run("dotnet", "build -c Release", host, packages);

        var models = PackedSolution.Run("dotnet", "run -c Release --no-build -- models", host, packages);
        Assert.Contains("Scaled:", models);
        Assert.Contains("a, b", models);

        var report = System.Text.Json.JsonDocument.Parse(PackedSolution.Run("dotnet",
            "run -c Release --no-build -- analyze --model Scaled --data data.csv --at 1,1 --eta 0.15 --batch 2 --json", host, packages));
        // H = mean x²·(b, a)(b, a)ᵀ at a = b = 1 has the one non-zero eigenvalue 2·mean x² = 7.06 on N = span (1, 1):
        // μ = log|1 − 0.15·7.06|; with B = N = 2 the SGD step is the GD step, so λ = μ.
        var mu = Math.Log(Math.Abs(1 - 0.15 * (0.81 + 6.25)));
        Assert.Equal(mu, report.RootElement.GetProperty("mu").GetDouble(), 1e-12);
        Assert.Equal(mu, report.RootElement.GetProperty("lambda").GetDouble(), 1e-12);
    }

    /// <summary>
    /// An empty project folder restoring <paramref name="package"/> from the packed feed, with a packages folder of its
    /// own (so no other test run's clean-up can take the package away mid-build) and everything else from the machine's.
    /// </summary>
    private (string Folder, Dictionary<string, string> Environment) ConsumerProject(string name, string package)
    {
        var consumer = packed.Folder(name);
        // A packages folder of its own, so that no other test run's clean-up can take the package away mid-build;
        // everything else comes from the machine's folder, without a download.
        var packages = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packed.Folder(name + "-packages") };
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packed.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{PackedSolution.MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        return (consumer, packages);
    }
}
