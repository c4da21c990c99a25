using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.TestPlugin;

public sealed record NoteRequest(string Text, bool EnqueueJob = false);
public sealed record WrittenNote(Guid Id);
public sealed record TransactionState(bool InTransaction);

/// <summary>A plugin's routes, as the kernel's tests drive them; no application service, the handlers are the probe.</summary>
internal static class ProbeEndpoints
{
    public static void MapProbeEndpoints(this IEndpointRouteBuilder api)
    {
        var notes = api.MapGroup("/plugins/probe/notes").RequirePermission("Probe.Notes");
        notes.MapPost("/", WriteNote);
        notes.MapGet("/", ListNotes);
        // A read that writes: refused as it is, done in a transaction when it says so.
        notes.MapGet("/written-by-a-read", WriteNoteOnRead);
        notes.MapGet("/written-by-a-declared-read", WriteNoteOnRead).WithTransaction();

        // The server's own answer (MariaDB's @@in_transaction) on the request's connection; one handler on three routes.
        var transaction = api.MapGroup("/plugins/probe/transaction").RequirePermission("Probe.Notes");
        transaction.MapGet("/", InTransaction);
        transaction.MapGet("/declared", InTransaction).WithTransaction();
        transaction.MapPost("/", InTransaction);
    }

    public static Ok<WrittenNote> WriteNote(ProbeDbContext db, JobQueue jobs, NoteRequest request)
    {
        var note = Note.Write(request.Text);
        db.Notes.Add(note);
        if (request.EnqueueJob) jobs.Enqueue(new ProbeJobArgs(note.Id, request.Text.Contains("job-fails")));
        return TypedResults.Ok(new WrittenNote(note.Id));
    }

    public static async Task<Ok<List<Note>>> ListNotes(ProbeDbContext db) =>
        TypedResults.Ok(await db.Notes.AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    public static NoContent WriteNoteOnRead(ProbeDbContext db, string text)
    {
        db.Notes.Add(Note.Write(text));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TransactionState>> InTransaction(UnitOfWork unitOfWork)
    {
        await using var command = unitOfWork.Connection.CreateCommand();
        command.Transaction = unitOfWork.Transaction;
        command.CommandText = "SELECT @@in_transaction";
        return TypedResults.Ok(new TransactionState(Convert.ToInt32(await command.ExecuteScalarAsync()) == 1));
    }
}
