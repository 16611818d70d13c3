using System.IO.Compression;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// The path every real user takes: pack the solution, reference only the SgdDsl package from a project outside the
/// solution, declare a model, build, run, and check the generated gradient.
/// </summary>
public class PackageConsumerTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    [Fact]
    public void Packing_the_solution_makes_exactly_the_SgdDsl_package_and_the_sgd_stability_tool()
    {
        var packages = Directory.GetFiles(packed.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal([$"SgdDsl.{packed.Version}.nupkg", $"sgd-stability.{packed.Version}.nupkg"], packages);
    }

    [Fact]
    public void The_tool_package_carries_the_plots_library_it_runs_with()
    {
        // SgdDsl.Plots has no package of its own: a .NET tool ships its dependencies in its own folder.
        using var tool = ZipFile.OpenRead(Path.Combine(packed.Feed, $"sgd-stability.{packed.Version}.nupkg"));
        Assert.Contains(tool.Entries, e => e.FullName == "tools/net10.0/any/SgdDsl.Plots.dll");
    }

    [Fact]
    public void A_project_referencing_only_the_package_gets_generated_derivatives()
    {
        var consumer = packed.Folder("consumer");
        // A packages folder of its own, so that no other test run's clean-up can take the package away mid-build;
        // everything else comes from the machine's folder, without a download.
        var packages = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packed.Folder("packages") };
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources>
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
                <PackageReference Include="SgdDsl" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
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
}
