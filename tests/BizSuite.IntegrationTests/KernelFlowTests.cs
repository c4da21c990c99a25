using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>The kernel's event flow through the test plugin's two modules (Probe writes notes, Echo answers).</summary>
[Collection(ApiCollection.Name)]
public sealed class KernelFlowTests(BizSuiteFactory app)
{
    private async Task<HttpClient> ProbeUserAsync()
    {
        var tenant = await app.CreateTenantAsync("p");
        // The plugin's permission was granted to every tenant admin role by the seeding.
        return await app.LoginAsync(tenant, "admin", "Admin123!");
    }

    [Fact]
    public async Task Plugin_modules_are_loaded_from_the_folder_and_events_cross_modules_in_one_transaction()
    {
        var client = await ProbeUserAsync();
        var note = await client.PostJsonAsync("/api/plugins/probe/notes", new { text = "hello" });

        var notes = await client.GetJsonAsync("/api/plugins/probe/notes");
        var saved = notes.EnumerateArray().Single();
        saved.Str("id").ShouldBe(note.Str("id"));
        saved.GetProperty("echoes").GetInt32().ShouldBe(1, "Echo handled NoteWritten, and Probe handled EchoWritten in turn");
        (await app.ScalarAsync("SELECT COUNT(*) FROM echo_echoes WHERE NoteId = @id", ("@id", note.Str("id")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_handler_in_another_module_rolls_back_the_first_modules_change()
    {
        var client = await ProbeUserAsync();
        var problem = await client.PostJsonAsync("/api/plugins/probe/notes", new { text = "please fail" }, HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe("Probe:EchoRefused");

        (await client.GetJsonAsync("/api/plugins/probe/notes")).GetArrayLength().ShouldBe(0);
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_notes WHERE Text = 'please fail'")).ShouldBe(0);
    }

    [Fact]
    public async Task Reads_run_without_a_transaction_unless_the_endpoint_asks_for_one_and_writes_always_in_one()
    {
        var client = await ProbeUserAsync();
        (await client.GetJsonAsync("/api/plugins/probe/transaction")).GetProperty("inTransaction").GetBoolean().ShouldBeFalse();
        (await client.GetJsonAsync("/api/plugins/probe/transaction/declared")).GetProperty("inTransaction").GetBoolean().ShouldBeTrue();
        (await client.PostJsonAsync("/api/plugins/probe/transaction", new { })).GetProperty("inTransaction").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_read_that_writes_without_asking_for_a_transaction_is_refused_whole()
    {
        var client = await ProbeUserAsync();
        (await client.GetAsync("/api/plugins/probe/notes/written-by-a-read?text=unasked")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_notes WHERE Text = 'unasked'")).ShouldBe(0);

        (await client.GetAsync("/api/plugins/probe/notes/written-by-a-declared-read?text=asked")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var note = (await client.GetJsonAsync("/api/plugins/probe/notes")).EnumerateArray().Single();
        note.Str("text").ShouldBe("asked");
        note.GetProperty("echoes").GetInt32().ShouldBe(1, "the declared read ran the whole event flow in its transaction");
    }

    [Fact]
    public async Task Pooled_contexts_carry_nothing_from_one_request_into_the_next()
    {
        // Sequential requests rent the same pooled contexts: a rolled-back request's tracked note must not be saved by
        // the next request, and each request's rows take that request's tenant.
        var first = await ProbeUserAsync();
        var second = await ProbeUserAsync();
        var secondTenant = (await second.GetJsonAsync("/api/account/me")).Str("tenantId");
        for (var i = 0; i < 3; i++)
        {
            await first.PostJsonAsync("/api/plugins/probe/notes", new { text = "please fail" }, HttpStatusCode.UnprocessableEntity);
            var note = await second.PostJsonAsync("/api/plugins/probe/notes", new { text = $"second {i}" });
            (await app.ScalarAsync("SELECT COUNT(*) FROM probe_notes WHERE Id = @id AND TenantId = @tenant",
                ("@id", note.Str("id")), ("@tenant", secondTenant))).ShouldBe(1);
        }
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_notes WHERE Text = 'please fail'")).ShouldBe(0);
        (await second.GetJsonAsync("/api/plugins/probe/notes")).GetArrayLength().ShouldBe(3);
        (await first.GetJsonAsync("/api/plugins/probe/notes")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_journal_records_each_event_with_its_correlation_and_causation()
    {
        var client = await ProbeUserAsync();
        var correlation = Guid.NewGuid().ToString("N");
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        var note = await client.PostJsonAsync("/api/plugins/probe/notes", new { text = "traced" });

        var journal = await client.GetJsonAsync($"/api/audit/events?correlationId={correlation}");
        var events = journal.GetProperty("items").EnumerateArray().ToList();
        events.Count.ShouldBe(2);
        var written = events.Single(e => e.Str("eventType") == "NoteWritten");
        var echoed = events.Single(e => e.Str("eventType") == "EchoWritten");
        written.Str("aggregateId").ShouldBe(note.Str("id"));
        written.GetProperty("causationId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        echoed.Str("causationId").ShouldBe(written.Str("id"), "EchoWritten was raised while NoteWritten was being handled");
        echoed.Str("aggregateType").ShouldBe("Echo");
    }

    [Fact]
    public async Task Settings_are_per_tenant_validated_and_unknown_settings_are_refused()
    {
        var client = await ProbeUserAsync();
        string Value(JsonElement settings, string name) => settings.EnumerateArray().Single(s => s.Str("name") == name).Str("value");
        var defaults = await client.GetJsonAsync("/api/settings");
        Value(defaults, "Kernel.Currency").ShouldBe("CNY");
        defaults.EnumerateArray().Single(s => s.Str("name") == "Identity.Password.RequiredLength").Str("displayName").ShouldBe("Minimum password length");

        await client.PutJsonAsync("/api/settings", new Dictionary<string, string> { ["Identity.Password.RequiredLength"] = "12" }, HttpStatusCode.NoContent);
        Value(await client.GetJsonAsync("/api/settings"), "Identity.Password.RequiredLength").ShouldBe("12");
        var weak = await client.PostJsonAsync("/api/identity/users",
            new { userName = "short", email = "short@example.cn", name = "S", password = "Passw0rd!", isActive = true }, HttpStatusCode.BadRequest);
        weak.Str("code").ShouldBe("Identity:PasswordTooWeak");

        var other = await ProbeUserAsync();
        Value(await other.GetJsonAsync("/api/settings"), "Identity.Password.RequiredLength").ShouldBe("8");

        (await client.PutJsonAsync("/api/settings", new Dictionary<string, string> { ["No.Such.Setting"] = "1" }, HttpStatusCode.BadRequest))
            .FieldErrors("No.Such.Setting").ShouldNotBeEmpty();
        // A value that would break sign-ins later is refused now, and nothing of the request is kept.
        var invalid = await client.PutJsonAsync("/api/settings",
            new Dictionary<string, string> { ["Kernel.Currency"] = "USD", ["Identity.Lockout.MaxFailedAttempts"] = "many" }, HttpStatusCode.BadRequest);
        invalid.Str("code").ShouldBe("Kernel:InvalidSettingValue");
        invalid.FieldErrors("Identity.Lockout.MaxFailedAttempts").ShouldNotBeEmpty();
        Value(await client.GetJsonAsync("/api/settings"), "Kernel.Currency").ShouldBe("CNY");
    }
}

[Collection(ApiCollection.Name)]
public sealed class KernelGuardTests(BizSuiteFactory app)
{
    [Fact]
    public async Task An_endless_event_cascade_is_stopped_by_the_depth_guard_and_rolled_back()
    {
        var tenant = await app.CreateTenantAsync("g");
        var client = await app.LoginAsync(tenant, "admin", "Admin123!");

        var problem = await client.PostJsonAsync("/api/plugins/probe/notes", new { text = "loop forever" }, HttpStatusCode.InternalServerError);

        problem.Str("code").ShouldBe("Kernel:InternalError");
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_notes WHERE Text = 'loop forever'")).ShouldBe(0);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        var client = app.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var openApi = await client.GetJsonAsync("/openapi/v1.json");
        openApi.GetProperty("paths").TryGetProperty("/api/account/login", out _).ShouldBeTrue();
        openApi.GetProperty("paths").TryGetProperty("/api/saas/tenants", out _).ShouldBeTrue();
    }
}
