using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace BizSuite.Kernel;

public static class KernelDatabase
{
    /// <summary>Fixed so start-up needs no round trip; MariaDB 10.11 and MySQL 8.4 both accept this SQL.</summary>
    public static readonly ServerVersion ServerVersion = new MariaDbServerVersion(new Version(10, 11, 0));

    /// <summary>Each module keeps its own migration history in the shared database.</summary>
    public static string HistoryTable<TContext>() =>
        "__" + typeof(TContext).Name.Replace("DbContext", "").ToLowerInvariant() + "_migrations";

    internal static void AddBizDbContext<TContext>(this IServiceCollection services) where TContext : BizDbContext
    {
        services.AddDbContext<TContext>((sp, options) => options.UseMySql(
            sp.GetRequiredService<UnitOfWork>().Connection,
            ServerVersion,
            b => b.MigrationsHistoryTable(HistoryTable<TContext>())));
        services.AddSingleton(new DbContextRegistration(typeof(TContext)));
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

public sealed record DbContextRegistration(Type ContextType);
