using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.TestPlugin;

// Two modules with their own tables, talking only through events:
// Probe writes a note → NoteWritten → Echo (another module) writes an echo → EchoWritten → Probe counts it.
// A note whose text contains "fail" makes Echo's handler throw, which must undo the note too.

public sealed record NoteWritten(Guid NoteId, string Text) : IDomainEvent;
public sealed record EchoWritten(Guid NoteId) : IDomainEvent;
public sealed record ProbeJobArgs(Guid NoteId, bool Fail);

public sealed class Note : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Text { get; private set; } = "";
    public int Echoes { get; private set; }

    private Note() { }

    public static Note Write(string text)
    {
        var note = new Note { Text = text };
        note.Raise(new NoteWritten(note.Id, text));
        return note;
    }

    /// <summary>A "loop" note asks for another echo each time: a cascade that never ends by itself.</summary>
    public void CountEcho()
    {
        Echoes++;
        if (Text.Contains("loop")) Raise(new NoteWritten(Id, Text));
    }
}

public sealed class Echo : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid NoteId { get; private set; }

    private Echo() { }

    public static Echo Of(Guid noteId)
    {
        var echo = new Echo { NoteId = noteId };
        echo.Raise(new EchoWritten(noteId));
        return echo;
    }
}

/// <summary>Rows written by <see cref="ProbeJob"/>: one per successful run.</summary>
public sealed class JobRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NoteId { get; set; }
}

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : BizDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("probe_notes");
        modelBuilder.Entity<JobRun>().ToTable("probe_job_runs");
        base.OnModelCreating(modelBuilder);
    }
}

public sealed class EchoDbContext(DbContextOptions<EchoDbContext> options) : BizDbContext(options)
{
    public DbSet<Echo> Echoes => Set<Echo>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Echo>().ToTable("echo_echoes");
        base.OnModelCreating(modelBuilder);
    }
}

public sealed class ProbeDbContextFactory : DesignTimeDbContextFactory<ProbeDbContext>;
public sealed class EchoDbContextFactory : DesignTimeDbContextFactory<EchoDbContext>;

public sealed class ProbeModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<ProbeDbContext>();
        context.Services.AddScoped<IDomainEventHandler<EchoWritten>, CountEchoWhenEchoWritten>();
        context.Services.AddBackgroundJob<ProbeJob, ProbeJobArgs>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Probe").Add("Probe.Notes");

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapProbeEndpoints();
    }
}


internal sealed class NoteRequestValidator : AbstractValidator<NoteRequest>
{
    public NoteRequestValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(200);
}

[DependsOn(typeof(ProbeModule))]
public sealed class EchoModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<EchoDbContext>();
        context.Services.AddScoped<IDomainEventHandler<NoteWritten>, EchoWhenNoteWritten>();
    }
}

public sealed class EchoWhenNoteWritten(EchoDbContext db) : IDomainEventHandler<NoteWritten>
{
    public Task HandleAsync(NoteWritten domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Text.Contains("fail") && !domainEvent.Text.Contains("job-fails"))
            throw new BusinessException("Probe:EchoRefused");
        db.Echoes.Add(Echo.Of(domainEvent.NoteId));
        return Task.CompletedTask;
    }
}

public sealed class CountEchoWhenEchoWritten(ProbeDbContext db) : IDomainEventHandler<EchoWritten>
{
    public async Task HandleAsync(EchoWritten domainEvent, CancellationToken cancellationToken) =>
        (await db.Notes.FirstAsync(n => n.Id == domainEvent.NoteId, cancellationToken)).CountEcho();
}

/// <summary>
/// Records each run in the job's own transaction; throws when asked to, to exercise retries; takes its time when its note
/// says "job-holds N ms", to exercise leases.
/// </summary>
public sealed class ProbeJob(ProbeDbContext db) : IBackgroundJob<ProbeJobArgs>
{
    public async Task ExecuteAsync(ProbeJobArgs args, CancellationToken cancellationToken)
    {
        if (args.Fail) throw new InvalidOperationException("probe job asked to fail");
        var text = (await db.Notes.FirstAsync(n => n.Id == args.NoteId, cancellationToken)).Text;
        if (System.Text.RegularExpressions.Regex.Match(text, @"job-holds (\d+) ms") is { Success: true } hold)
            await Task.Delay(int.Parse(hold.Groups[1].Value), cancellationToken);
        db.JobRuns.Add(new JobRun { NoteId = args.NoteId });
    }
}
