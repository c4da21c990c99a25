using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>
/// Runs work in a new scope and its own unit of work, committed independently of the caller's:
/// for what must persist even when the caller's transaction rolls back (a failed login is still counted).
/// </summary>
public sealed class UnitOfWorkRunner(IServiceScopeFactory scopes)
{
    public async Task RunAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await uow.BeginAsync(cancellationToken);
        await work(scope.ServiceProvider, cancellationToken);
        await uow.CompleteAsync(cancellationToken);
    }
}
