using System.Diagnostics;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// The path every real user takes: pack SgdDsl, reference only that package from a project outside the
/// solution, declare a model, build, run, and check the generated gradient.
/// </summary>
public class PackageConsumerTests
{
    [Fact]
    public void A_project_referencing_only_the_package_gets_generated_derivatives()
    {
        var root = Directory.CreateTempSubdirectory("sgddsl-consumer-");
        try
        {
            // A fresh prerelease version each run, so no package cache can serve an older build.
            var version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var feed = Path.Combine(root.FullName, "feed");
            Run("dotnet", $"pack \"{Path.Combine(Snapshot.RepositoryRoot(), "src", "SgdDsl")}\" -c Release -o \"{feed}\" -p:Version={version}", root.FullName);

            var consumer = Directory.CreateDirectory(Path.Combine(root.FullName, "consumer")).FullName;
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
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
                    <PackageReference Include="SgdDsl" Version="{version}" />
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

            var output = Run("dotnet", "run -c Release", consumer).Trim().Split(' ').Select(double.Parse).ToArray();
            // r = a·b·x − y = 1.34; ℓ = r²/2, ∂ℓ/∂a = b·x·r, ∂ℓ/∂b = a·x·r; rounding of a few products only.
            var r = 1.3 * 0.9 * 2.0 - 1.0;
            Assert.Equal(0.5 * r * r, output[0], 1e-12);
            Assert.Equal(0.9 * 2.0 * r, output[1], 1e-12);
            Assert.Equal(1.3 * 2.0 * r, output[2], 1e-12);
        }
        finally
        {
            root.Delete(recursive: true);
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var stale in Directory.Exists(Path.Combine(packages, "sgddsl")) ? Directory.GetDirectories(Path.Combine(packages, "sgddsl"), "0.1.0-test*") : [])
                Directory.Delete(stale, recursive: true);
        }
    }

    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would steer the child build into the host's SDK context.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {arguments} did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
