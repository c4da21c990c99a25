using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace BizSuite.Kernel;

public static class KernelDatabase
{
    /// <summary>The default server (set <c>Database:ServerVersion</c>, e.g. <c>8.4.0-mysql</c>, for MySQL); fixed so start-up needs no round trip.</summary>
    public static readonly ServerVersion ServerVersion = new MariaDbServerVersion(new Version(10, 11, 0));

    /// <summary>Each module keeps its own migration history in the shared database.</summary>
    public static string HistoryTable<TContext>() =>
        "__" + typeof(TContext).Name.Replace("DbContext", "").ToLowerInvariant() + "_migrations";

    internal static void AddBizDbContext<TContext>(this IServiceCollection services) where TContext : BizDbContext
    {
        // Pooled; each scope rents one and binds it to its unit of work's connection. Migrations run on an unbound one
        // with its own connection from the options: EF reaches the server from its connection string, whose password
        // an opened connection no longer shows.
        services.AddPooledDbContextFactory<TContext>((sp, options) => options.UseMySql(
            sp.GetRequiredService<IOptions<KernelOptions>>().Value.ConnectionString,
            sp.GetRequiredService<IOptions<KernelOptions>>().Value.ServerVersion,
            // Aggregates are loaded whole with a handful of child rows: one query inside the transaction beats split queries.
            b => b.MigrationsHistoryTable(HistoryTable<TContext>()).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        // Disposing the scope disposes the context, which returns it to the pool.
        services.AddScoped(sp => (TContext)sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Bind(sp.GetRequiredService<DataContextServices>()));
        services.AddSingleton(new DbContextRegistration(typeof(TContext), HistoryTable<TContext>(),
            sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()));
    }

    /// <summary>Creates the database named in the connection string when it does not exist yet.</summary>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        builder.Database = "";
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE IF NOT EXISTS `{database.Replace("`", "``")}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A module's context type, its migration history table, and how to create one outside any unit of work (to migrate it).</summary>
public sealed record DbContextRegistration(Type ContextType, string HistoryTable, Func<IServiceProvider, DbContext> CreateUnbound)
{
    /// <summary>
    /// The ids of the context's migrations, found as EF finds them (in the context's assembly, by their DbContext and Migration
    /// attributes) but without building the context: start-up compares them with the history tables in one query.
    /// Scanned on first use: registering the module costs nothing for a process that never migrates.
    /// </summary>
    public IReadOnlyList<string> Migrations => migrations ??= ContextType.Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
            && t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>()?.ContextType == ContextType)
        .Select(t => t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()?.Id)
        .OfType<string>().Order(StringComparer.Ordinal).ToList();

    private IReadOnlyList<string>? migrations;
}
