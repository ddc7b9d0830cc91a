using System.Diagnostics;
using System.Text.Json;

namespace SmartLicensing.Bench;

/// <summary>One server under load: what a device slot sends it, and the CPU time the server has used so far.</summary>
internal sealed record Target(Func<int, CancellationToken, Task<bool>> Send, Func<TimeSpan> Cpu);

/// <summary>A stretch of a phase in which every device slot sends to one target.</summary>
/// <param name="Target">0 for the authority, 1 for the ceiling probe.</param>
/// <param name="Start">Time from the start of the phase.</param>
/// <param name="End">Time from the start of the phase; the next slice starts here.</param>
/// <param name="Measured">False during the warm-up.</param>
internal readonly record struct Slice(int Target, TimeSpan Start, TimeSpan End, bool Measured);

/// <summary>
/// Drives the authority and the ceiling probe with the same N concurrent device slots, in
/// alternating slices of about two seconds: an unmeasured warm-up, then the measured window,
/// for each of them. On a shared virtual machine the speed of the processors drifts by 10% or more
/// within a minute. Measured one after the other, the two would see different machines, and the
/// drift would go into their ratio. The measured slices come in the order AB BA, AB BA, ..., so a
/// steady drift cancels too.
/// </summary>
internal static class LoadGenerator
{
    private static readonly TimeSpan PreferredSlice = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Returns the slices of one phase. The window of each target is cut into an even number of
    /// slices, as close to two seconds as that allows (2.5 s for a 10 s window, shorter below
    /// 4 s), and each target gets at least <paramref name="warmUp"/> of unmeasured slices first.
    /// </summary>
    public static IReadOnlyList<Slice> Schedule(TimeSpan window, TimeSpan warmUp)
    {
        var measuredPairs = 2 * Math.Max(1, (int)Math.Round(window / (2 * PreferredSlice), MidpointRounding.ToEven));
        var length = window / measuredPairs;
        var warmUpPairs = (int)Math.Ceiling(warmUp / length);
        var slices = new List<Slice>(2 * (warmUpPairs + measuredPairs));
        for (var pair = 0; pair < warmUpPairs + measuredPairs; pair++)
        {
            // Counted from the first measured pair, so the measured slices start AB BA.
            var first = Math.Abs(pair - warmUpPairs) % 2;
            foreach (var target in (int[])[first, 1 - first])
            {
                var start = length * slices.Count;
                slices.Add(new Slice(target, start, start + length, pair >= warmUpPairs));
            }
        }

        return slices;
    }

    /// <summary>
    /// Runs one phase against both targets and returns what each achieved in its measured slices.
    /// The rate counts the successful requests that start and end inside one measured slice. The
    /// latencies include every success that starts in a measured slice, so a stall longer than a
    /// slice still shows in p99. Failures count whenever they start, warm-up included.
    /// </summary>
    public static async Task<(PhaseResult Server, PhaseResult Ceiling)> CompareAsync(Target server, Target ceiling, int devices, TimeSpan window, TimeSpan warmUp)
    {
        var targets = new[] { server, ceiling };
        var slices = Schedule(window, warmUp);
        var length = slices[0].End - slices[0].Start;
        var end = slices[^1].End;
        var latencies = targets.Select(_ => Enumerable.Range(0, devices).Select(_ => new List<double>(4096)).ToArray()).ToArray();
        var completed = new int[targets.Length];
        var failed = new int[targets.Length];
        var clock = Stopwatch.StartNew();
        using var hardStop = new CancellationTokenSource(end + TimeSpan.FromSeconds(30));
        var cpu = Task.Run(() => MeasureCpuAsync(targets, slices, clock));

        var slots = Enumerable.Range(0, devices).Select(slot => Task.Run(async () =>
        {
            while (clock.Elapsed is var started && started < end)
            {
                var slice = slices[Math.Min((int)(started / length), slices.Count - 1)];
                bool ok;
                try
                {
                    ok = await targets[slice.Target].Send(slot, hardStop.Token);
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException)
                {
                    // No response in time (the client's timeout cancels the request), a broken connection or an unreadable response.
                    ok = false;
                }

                var ended = clock.Elapsed;
                if (!ok)
                {
                    Interlocked.Increment(ref failed[slice.Target]);
                    continue;
                }

                if (slice.Measured)
                {
                    latencies[slice.Target][slot].Add((ended - started).TotalMilliseconds);
                    if (ended <= slice.End)
                    {
                        Interlocked.Increment(ref completed[slice.Target]);
                    }
                }
            }
        })).ToArray();

        await Task.WhenAll(slots);
        var measured = await cpu;
        var seconds = window.TotalSeconds;
        return (
            PhaseResult.From(latencies[0], completed[0], failed[0], seconds, measured[0]),
            PhaseResult.From(latencies[1], completed[1], failed[1], seconds, measured[1]));
    }

    /// <summary>
    /// Adds up the CPU time used during each target's measured slices by the target, by this
    /// process (the load generator) and by the rest of the machine. The rest is the database, the
    /// other server and kernel work not charged to a process, and stays null where the machine's
    /// CPU time cannot be read.
    /// </summary>
    private static async Task<CpuUse[]> MeasureCpuAsync(Target[] targets, IReadOnlyList<Slice> slices, Stopwatch clock)
    {
        var use = new CpuUse[targets.Length];
        using var self = Process.GetCurrentProcess();
        Sample? previous = null;
        var first = slices.Count(s => !s.Measured);
        for (var i = first; i <= slices.Count; i++)
        {
            var at = i < slices.Count ? slices[i].Start : slices[^1].End;
            if (at - clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            self.Refresh();
            var sample = new Sample([.. targets.Select(t => t.Cpu())], self.TotalProcessorTime, MachineCpu.Busy());
            if (previous is { } before)
            {
                var target = slices[i - 1].Target;
                var server = (sample.Targets[target] - before.Targets[target]).TotalSeconds;
                var loadGenerator = (sample.Self - before.Self).TotalSeconds;
                // Not clamped per slice: the clock ticks of /proc/stat round both ways.
                double? rest = sample.Machine is { } machineNow && before.Machine is { } machineBefore
                    ? (use[target].Rest ?? 0) + (machineNow - machineBefore).TotalSeconds - server - loadGenerator
                    : null;
                use[target] = new CpuUse(use[target].Server + server, use[target].LoadGenerator + loadGenerator, rest);
            }

            previous = sample;
        }

        return use;
    }

    private sealed record Sample(TimeSpan[] Targets, TimeSpan Self, TimeSpan? Machine);
}
