using MySqlConnector;

namespace BizSuite.Kernel;

/// <summary>
/// Tells a database that cannot be reached (stopped, restarting, out of the network, not answering) from a bug: the API
/// answers the first with 503 and Retry-After, the job worker backs off. The shapes are MySqlConnector's own, however EF
/// and Pomelo wrapped them; each was seen with the test MariaDB stopped under load (IntegrationTests' DatabaseOutageTests).
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client should wait before trying again (the <c>Retry-After</c> of a 503).</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnreachable(Exception exception)
    {
        var fromDriver = false; // a socket error is the database's only under MySqlConnector's exception, not Stripe's or a webhook's
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is MySqlEndOfStreamException) return true; // the connection in use broke
            if (e is MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost // refused, or the connect timeout ran out
                    or MySqlErrorCode.CommandTimeoutExpired // the server stopped answering
                    or MySqlErrorCode.ServerShutdown }) // a statement that was running when the server began to stop
                return true;
            if (e is MySqlException) fromDriver = true;
            else if (fromDriver && e is System.IO.IOException or System.Net.Sockets.SocketException) return true;
        }
        return false;
    }
}
