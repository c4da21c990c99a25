using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BizSuite.Kernel;

/// <summary>
/// Where a host's start-up time goes: each phase's end is marked against the process's start, and one log line
/// ("Start-up phases …") names them all once the host listens, then another when the first request is answered.
/// Read by the start-up benchmark (tests/Benchmarks --only startup) and by an operator wondering why a restart is slow.
/// </summary>
public sealed class StartupTrace
{
    private readonly DateTime processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly List<(string Phase, double EndMs)> marks = [];
    private int firstRequestSeen;

    /// <summary>Milliseconds since the process started.</summary>
    public double Elapsed => (DateTime.UtcNow - processStart).TotalMilliseconds;

    public IReadOnlyList<(string Phase, double EndMs)> Marks { get { lock (marks) return marks.ToList(); } }

    /// <summary>Ends the phase under way: it lasted from the previous mark (or the process's start) until now.</summary>
    public void Mark(string phase) { lock (marks) marks.Add((phase, Elapsed)); }

    /// <summary>"host build 812 ms, migrations 900 ms, …": each phase with its own duration.</summary>
    public string Describe()
    {
        var list = Marks;
        return string.Join(", ", list.Select((m, i) => $"{m.Phase} {m.EndMs - (i == 0 ? 0 : list[i - 1].EndMs):F0} ms"));
    }

    /// <summary>Logs the phases when the host has started listening, and the first answered request after it.</summary>
    internal void Report(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BizSuite.Startup");
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            Mark("listening");
            logger.LogInformation("Start-up phases: {Phases}; ready {Ready:F0} ms after the process started", Describe(), Elapsed);
        });
        app.Use(async (context, next) =>
        {
            await next(context);
            // A plain read first: after the first answer every request passes with no interlocked write.
            if (Volatile.Read(ref firstRequestSeen) == 0 && context.Request.Path.StartsWithSegments("/api")
                && Interlocked.Exchange(ref firstRequestSeen, 1) == 0)
                logger.LogInformation("First API request ({Path}, {Status}) answered {Elapsed:F0} ms after the process started",
                    context.Request.Path.Value, context.Response.StatusCode, Elapsed);
        });
    }
}
