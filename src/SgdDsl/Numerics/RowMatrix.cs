namespace SgdDsl.Numerics;

/// <summary>
/// An m×n matrix kept as rows, several rows per array (e.g. the K Jacobian rows of one sample in one K×d array), so
/// that a matrix of N·K rows of length d ≈ 10⁵ never needs one array of N·K·d doubles.
/// </summary>
internal readonly struct RowMatrix
{
    private readonly double[][] storage;
    private readonly int rowsPerArray;

    /// <param name="storage">Arrays of <paramref name="rowsPerArray"/>·<paramref name="columns"/> doubles each.</param>
    /// <param name="rowsPerArray">Rows in each array.</param>
    /// <param name="columns">n, the length of a row.</param>
    public RowMatrix(double[][] storage, int rowsPerArray, int columns)
    {
        this.storage = storage;
        this.rowsPerArray = rowsPerArray;
        Columns = columns;
        Rows = storage.Length * rowsPerArray;
    }

    /// <summary>m.</summary>
    public int Rows { get; }

    /// <summary>n.</summary>
    public int Columns { get; }

    /// <summary>Row <paramref name="index"/> (length n).</summary>
    public Span<double> Row(int index) =>
        storage[index / rowsPerArray].AsSpan(index % rowsPerArray * Columns, Columns);

    /// <summary>A matrix of <paramref name="arrays"/> zeroed arrays of <paramref name="rowsPerArray"/> rows each.</summary>
    public static RowMatrix Allocate(int arrays, int rowsPerArray, int columns)
    {
        var storage = new double[arrays][];
        for (var a = 0; a < arrays; a++)
            storage[a] = new double[rowsPerArray * columns];
        return new RowMatrix(storage, rowsPerArray, columns);
    }

    /// <summary>The array holding rows a·rowsPerArray … (a + 1)·rowsPerArray − 1.</summary>
    public double[] Array(int a) => storage[a];
}
