namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// Forward passes and backpropagation as a careful person writes them for <see cref="MultiOutputMlp"/> and
/// <see cref="TwoHiddenLayers"/>: layer values kept in arrays, one pass forward, one back. The baselines for the
/// generated code's cheap-gradient ratios.
/// </summary>
public static class HandWrittenNetworks
{
    /// <summary>ℓ = ½ Σ_c (Σ_j V_cj tanh(W_j·x) − y_c)².</summary>
    public static double MlpValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        const int K = MultiOutputMlp.K, H = MultiOutputMlp.H, D = MultiOutputMlp.D;
        Span<double> h = stackalloc double[H];
        Forward(theta[..(H * D)], sample[..D], h);
        var v = theta.Slice(H * D, K * H);
        var loss = 0.0;
        for (var c = 0; c < K; c++)
        {
            var r = Dot(v.Slice(c * H, H), h) - sample[D + c];
            loss += r * r;
        }
        return 0.5 * loss;
    }

    /// <summary>Writes ∇ℓ of <see cref="MlpValue"/> and returns ℓ.</summary>
    public static double MlpGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        const int K = MultiOutputMlp.K, H = MultiOutputMlp.H, D = MultiOutputMlp.D;
        var x = sample[..D];
        Span<double> h = stackalloc double[H];
        Forward(theta[..(H * D)], x, h);
        var v = theta.Slice(H * D, K * H);
        Span<double> r = stackalloc double[K];
        var loss = 0.0;
        for (var c = 0; c < K; c++)
        {
            r[c] = Dot(v.Slice(c * H, H), h) - sample[D + c];
            loss += r[c] * r[c];
        }
        var gv = gradient.Slice(H * D, K * H);
        for (var c = 0; c < K; c++)
            for (var j = 0; j < H; j++)
                gv[c * H + j] = r[c] * h[j];
        for (var j = 0; j < H; j++)
        {
            var delta = 0.0;
            for (var c = 0; c < K; c++)
                delta += r[c] * v[c * H + j];
            delta *= 1 - h[j] * h[j];
            var gw = gradient.Slice(j * D, D);
            for (var k = 0; k < D; k++)
                gw[k] = delta * x[k];
        }
        return 0.5 * loss;
    }

    /// <summary>Writes ∇f_c of the MLP's output <paramref name="c"/> (length d) and returns f_c: one forward pass, one backward.</summary>
    public static double MlpOutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, int c, Span<double> gradient)
    {
        const int K = MultiOutputMlp.K, H = MultiOutputMlp.H, D = MultiOutputMlp.D;
        var x = sample[..D];
        Span<double> h = stackalloc double[H];
        Forward(theta[..(H * D)], x, h);
        var v = theta.Slice(H * D + c * H, H);
        var gv = gradient.Slice(H * D, K * H);
        gv.Clear();
        h.CopyTo(gv.Slice(c * H, H));
        for (var j = 0; j < H; j++)
        {
            var delta = v[j] * (1 - h[j] * h[j]);
            var gw = gradient.Slice(j * D, D);
            for (var k = 0; k < D; k++)
                gw[k] = delta * x[k];
        }
        return Dot(v, h);
    }

    /// <summary>ℓ = ½(Σ_i v_i tanh(U_i·tanh(W x)) − y)².</summary>
    public static double TwoLayerValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        const int H = TwoHiddenLayers.H, D = TwoHiddenLayers.D;
        Span<double> h1 = stackalloc double[H];
        Span<double> h2 = stackalloc double[H];
        Forward(theta[..(H * D)], sample[..D], h1);
        Forward(theta.Slice(H * D, H * H), h1, h2);
        var r = Dot(theta.Slice(H * D + H * H, H), h2) - sample[D];
        return 0.5 * r * r;
    }

    /// <summary>Writes ∇ℓ of <see cref="TwoLayerValue"/> and returns ℓ.</summary>
    public static double TwoLayerGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        const int H = TwoHiddenLayers.H, D = TwoHiddenLayers.D;
        var x = sample[..D];
        var u = theta.Slice(H * D, H * H);
        var v = theta.Slice(H * D + H * H, H);
        Span<double> h1 = stackalloc double[H];
        Span<double> h2 = stackalloc double[H];
        Forward(theta[..(H * D)], x, h1);
        Forward(u, h1, h2);
        var r = Dot(v, h2) - sample[D];
        Span<double> delta2 = stackalloc double[H];
        Span<double> delta1 = stackalloc double[H];
        for (var i = 0; i < H; i++)
        {
            gradient[H * D + H * H + i] = r * h2[i];
            delta2[i] = r * v[i] * (1 - h2[i] * h2[i]);
        }
        delta1.Clear();
        for (var i = 0; i < H; i++)
        {
            var gu = gradient.Slice(H * D + i * H, H);
            var ui = u.Slice(i * H, H);
            for (var j = 0; j < H; j++)
            {
                gu[j] = delta2[i] * h1[j];
                delta1[j] += delta2[i] * ui[j];
            }
        }
        for (var j = 0; j < H; j++)
        {
            var d = delta1[j] * (1 - h1[j] * h1[j]);
            var gw = gradient.Slice(j * D, D);
            for (var k = 0; k < D; k++)
                gw[k] = d * x[k];
        }
        return 0.5 * r * r;
    }

    private static void Forward(ReadOnlySpan<double> w, ReadOnlySpan<double> input, Span<double> output)
    {
        for (var j = 0; j < output.Length; j++)
            output[j] = Math.Tanh(Dot(w.Slice(j * input.Length, input.Length), input));
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
            sum += a[k] * b[k];
        return sum;
    }
}
