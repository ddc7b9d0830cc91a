namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>
/// Nonces of recent device messages, each kept for <see cref="DeviceMessageRules.NonceLifetime"/>.
/// Bounded: when full, new messages are refused rather than old nonces forgotten early.
/// </summary>
// NOTE: this cache lives in one process. Several server nodes behind one address need a shared
// nonce store (for example a table with a unique key and an expiry), or a replay sent to another
// node is accepted.
internal sealed class NonceCache
{
    public const int DefaultCapacity = 1_000_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Nonce, DateTimeOffset ExpiresAt)> _byExpiry = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;

    public NonceCache()
        : this(DefaultCapacity)
    {
    }

    public NonceCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    public NonceCheck Record(string nonce, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        lock (_lock)
        {
            while (_byExpiry.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
            {
                _byExpiry.Dequeue();
                _seen.Remove(oldest.Nonce);
            }

            if (_seen.ContainsKey(nonce))
            {
                return NonceCheck.Replayed;
            }

            if (_seen.Count >= _capacity)
            {
                return NonceCheck.Full;
            }

            var expiresAt = now + DeviceMessageRules.NonceLifetime;
            _seen.Add(nonce, expiresAt);
            _byExpiry.Enqueue((nonce, expiresAt));
            return NonceCheck.Fresh;
        }
    }
}

internal enum NonceCheck
{
    Fresh,
    Replayed,
    Full,
}
