using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>With the database out of reach an API call answers 503 with Retry-After, not 500: the exceptions are MySqlConnector's own.</summary>
public sealed class DatabaseOutageTests
{
    private static async Task<Exception> ConnectAsync(int port)
    {
        await using var connection = new MySqlConnection($"Server=127.0.0.1;Port={port};User=x;Password=y;Connect Timeout=3;Pooling=false");
        var failure = await Should.ThrowAsync<Exception>(() => connection.OpenAsync());
        // as EF hands it on when a query cannot open its connection
        return new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", failure);
    }

    private static async Task<(HttpContext Context, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        context.Request.Headers.Accept = "application/json";
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            new JsonStringLocalizer([typeof(KernelErrors).Assembly]), NullLogger<ProblemDetailsExceptionHandler>.Instance);
        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).ShouldBeTrue();
        context.Response.Body.Position = 0;
        return (context, JsonDocument.Parse(context.Response.Body).RootElement);
    }

    [Fact]
    public async Task A_stopped_database_gives_503_with_retry_after()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more

        var (context, body) = await HandleAsync(await ConnectAsync(port));

        context.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        body.GetProperty("code").GetString().ShouldBe(KernelErrors.DatabaseUnavailable);
    }

    [Fact]
    public async Task A_database_that_hangs_up_mid_conversation_gives_503()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var hangUp = Task.Run(async () => { using var client = await listener.AcceptTcpClientAsync(); });
        var exception = await ConnectAsync(((IPEndPoint)listener.LocalEndpoint).Port);
        await hangUp;

        (await HandleAsync(exception)).Context.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
    }

    [Fact]
    public async Task A_partner_server_out_of_reach_is_not_a_database_outage()
    {
        var stripeDown = new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));

        (await HandleAsync(stripeDown)).Context.Response.StatusCode.ShouldBe(StatusCodes.Status500InternalServerError);
    }

    [Fact]
    public async Task A_bug_still_gives_a_bare_500()
    {
        (await HandleAsync(new NullReferenceException())).Context.Response.StatusCode.ShouldBe(StatusCodes.Status500InternalServerError);
    }
}
