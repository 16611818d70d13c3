using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Simulating;

/// <summary>A unit vector uniform on the sphere of the normal space N (of R^d when r = 0): Gaussian coordinates, normalized.</summary>
internal static class SphereDirection
{
    public static double[] Draw(NormalSpace normal, Random random)
    {
        var d = normal.AmbientDimension;
        var r = normal.Dimension;
        var m = r == 0 ? d : r;
        var coordinates = new double[m];
        double norm;
        do
        {
            for (var j = 0; j < m; j++)
                coordinates[j] = StandardNormal.Draw(random);
            norm = Math.Sqrt(coordinates.Sum(c => c * c));
        }
        while (norm == 0.0);
        for (var j = 0; j < m; j++)
            coordinates[j] /= norm;
        if (r == 0) return coordinates;
        var u = new double[d];
        normal.Embed(coordinates, u);
        return u;
    }
}
