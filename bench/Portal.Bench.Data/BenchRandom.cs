using System.Text;

namespace Portal.Bench.Data;

/// <summary>A seeded source of choices. Each part gets its own, derived from the seed and the part's
/// name, so that a part added later (documents, meetings…) does not change what the earlier parts
/// generate from the same seed.</summary>
public sealed class BenchRandom
{
    private readonly Random _random;

    public BenchRandom(int seed, string stream)
    {
        // A stable hash (FNV-1a): string.GetHashCode differs between processes.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(stream))
            hash = (hash ^ b) * 16777619u;
        _random = new Random(unchecked(seed * 31 + (int)hash));
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Up to <paramref name="count"/> distinct items, in random order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        count = Math.Min(count, items.Count);
        var indexes = new HashSet<int>();
        var result = new List<T>(count);
        // Partial Fisher–Yates on a copy when taking many; rejection when taking few.
        if (count > items.Count / 4)
        {
            var copy = items.ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = _random.Next(i, copy.Length);
                (copy[i], copy[j]) = (copy[j], copy[i]);
                result.Add(copy[i]);
            }
            return result;
        }
        while (result.Count < count)
        {
            var index = _random.Next(items.Count);
            if (indexes.Add(index))
                result.Add(items[index]);
        }
        return result;
    }

    /// <summary>An index drawn with the given relative weights.</summary>
    public int PickIndex(IReadOnlyList<double> weights)
    {
        var r = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
            if ((r -= weights[i]) < 0)
                return i;
        return weights.Count - 1;
    }

    /// <summary>A normally distributed value (Box–Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A skewed positive weight: most near 1, a few many times larger (log-normal).</summary>
    public double Skewed(double sigma) => Math.Exp(sigma * Gaussian());

    /// <summary>A Poisson-distributed count with the given mean (Knuth; the means here are small).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _random.NextDouble();
        }
        return k;
    }

    /// <summary>A random (version 4) GUID drawn from this source: the same seed gives the same ids.</summary>
    public Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="weights"/>.Count shares of at least
    /// <paramref name="minimum"/> each, proportional to the weights, summing exactly to the total.</summary>
    public int[] Distribute(int total, IReadOnlyList<double> weights, int minimum)
    {
        var shares = new int[weights.Count];
        Array.Fill(shares, minimum);
        var rest = total - minimum * weights.Count;
        if (rest < 0)
            throw new ArgumentException($"{total} is less than {minimum} for each of {weights.Count}.");
        var cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
            cumulative[i] = sum += weights[i];
        for (var k = 0; k < rest; k++)
        {
            var index = Array.BinarySearch(cumulative, _random.NextDouble() * sum);
            shares[index < 0 ? Math.Min(~index, shares.Length - 1) : index]++;
        }
        return shares;
    }
}
