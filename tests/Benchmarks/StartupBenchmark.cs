using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace BizSuite.Benchmarks;

/// <summary>
/// Start-up of the real host process (<c>dotnet BizSuite.Host.dll</c>, as built in host/…/bin/Release) against the
/// benchmark's database, which the in-process host has already migrated and seeded: time from process start to
/// <c>/health/ready</c> = 200 and to the first answered API call (a login), the peak resident set of each run, and the
/// phases the host reports (<see cref="Kernel.StartupTrace"/>) of the median run.
/// </summary>
internal sealed class StartupBenchmark(BenchHost host, Options options)
{
    public async Task RunAsync()
    {
        var dll = options.HostDll ?? HostDll();
        Console.WriteLine($"\n== Start-up: {options.Starts} starts of {Path.GetRelativePath(Environment.CurrentDirectory, dll)} on a migrated database ==");
        var runs = new List<Run>();
        for (var i = 0; i < options.Starts; i++)
        {
            var run = await StartOnceAsync(dll);
            runs.Add(run);
            Console.WriteLine($"  start {i + 1}: ready {run.ReadyMs,6:F0} ms, first API answer {run.FirstAnswerMs,6:F0} ms (+{run.FirstAnswerMs - run.ReadyMs:F0}), peak RSS {run.PeakRssMb,4} MB");
        }
        Report("ready", runs.Select(r => r.ReadyMs));
        Report("first API answer", runs.Select(r => r.FirstAnswerMs));
        Report("first answer after ready", runs.Select(r => r.FirstAnswerMs - r.ReadyMs));
        Report("peak RSS (MB)", runs.Select(r => (double)r.PeakRssMb));
        var median = runs.OrderBy(r => r.ReadyMs).ElementAt(runs.Count / 2);
        Console.WriteLine($"  phases of the median run (host's own trace): {median.Phases ?? "(not reported)"}");
    }

    private static void Report(string what, IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        Console.WriteLine($"  {what,-26} min {sorted[0],7:F0}  median {sorted[sorted.Count / 2],7:F0}  max {sorted[^1],7:F0}");
    }

    private sealed record Run(double ReadyMs, double FirstAnswerMs, long PeakRssMb, string? Phases);

    private async Task<Run> StartOnceAsync(string dll)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = host.ConnectionString;
        start.Environment["Jwt__SigningKey"] = "benchmark-signing-key-0123456789abcdef";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Seed__HostAdminPassword"] = options.HostAdminPassword;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        string? phases = null;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            if (e.Data.Contains("Start-up phases", StringComparison.Ordinal)) phases = Message(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) }; // a listening host answers, however slowly
            var readyMs = await UntilAsync(watch, process, output, async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
            var login = await http.PostAsJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = options.HostAdminPassword });
            var firstAnswerMs = watch.Elapsed.TotalMilliseconds;
            login.EnsureSuccessStatusCode();
            var peak = PeakRssMb(process.Id);
            for (var i = 0; i < 50 && phases is null; i++) await Task.Delay(20); // the line is written as the host starts listening
            return new Run(readyMs, firstAnswerMs, peak, phases);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls until <paramref name="ready"/> holds; a host that exits or takes over two minutes fails the run with its output.</summary>
    private static async Task<double> UntilAsync(Stopwatch watch, Process process, List<string> output, Func<Task<bool>> ready)
    {
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) break;
            try { if (await ready()) return watch.Elapsed.TotalMilliseconds; }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(10);
        }
        lock (output) throw new InvalidOperationException($"The host did not become ready:\n{string.Join('\n', output.TakeLast(30))}");
    }

    /// <summary>The message of a JSON console log line (production logging), or the line itself.</summary>
    private static string Message(string line)
    {
        try { return JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString() ?? line; }
        catch (JsonException) { return line; }
    }

    /// <summary>VmHWM: the most memory the process has held resident so far.</summary>
    private static long PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The published build of the host beside this checkout's sources (build it with dotnet build -c Release).</summary>
    private static string HostDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "host", "BizSuite.Host", "bin", "Release", "net10.0", "BizSuite.Host.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new InvalidOperationException("host/BizSuite.Host/bin/Release/net10.0/BizSuite.Host.dll not found: build the host in Release first.");
    }
}
