using BizSuite.Hr.Employees;
using BizSuite.Hr.Expenses;
using BizSuite.Hr.Leave;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Finance;
using BizSuite.Saas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Hr;

/// <summary>Self-service leave and expense claims: services, handlers and routes, kept apart from the organisation's.</summary>
internal static class SelfServiceEndpoints
{
    public static void AddSelfService(this IServiceCollection services)
    {
        services.AddScoped<CurrentEmployee>();
        services.AddScoped<LeaveAppService>();
        services.AddScoped<ExpenseAppService>();
        services.AddScoped<IUsageMeter, AttachmentStorage>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedLeaveTypesWhenTenantCreated>();
        services.AddApprovalOutcomes<DecideLeaveWhenApprovalEnds>();
        services.AddApprovalOutcomes<DecideClaimWhenApprovalEnds>();
        services.AddScoped<IDomainEventHandler<PayablePaid>, MarkClaimPaidWhenPayablePaid>();
    }

    public static void MapSelfService(this IEndpointRouteBuilder api)
    {
        var types = api.MapGroup("/hr/leave-types").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        types.MapGet("/", (LeaveAppService s, CancellationToken ct) => s.GetTypesAsync(ct));
        types.MapPost("/", (LeaveAppService s, SaveLeaveTypeRequest request) =>
        {
            var type = s.CreateType(request);
            return Results.Created($"/api/hr/leave-types/{type.Id}", type);
        }).RequirePermission(HrPermissions.LeaveManage);
        types.MapPut("/{id:guid}", (LeaveAppService s, Guid id, SaveLeaveTypeRequest request, CancellationToken ct) => s.UpdateTypeAsync(id, request, ct))
            .RequirePermission(HrPermissions.LeaveManage);

        var balances = api.MapGroup("/hr/leave-balances").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        // Reading a year's balances creates the missing ones from the leave types.
        balances.MapGet("/", (LeaveAppService s, int? year, Guid? employeeId, CancellationToken ct) => s.GetBalancesAsync(year, employeeId, ct))
            .WithTransaction();
        balances.MapPut("/{id:guid}", (LeaveAppService s, Guid id, AdjustLeaveBalanceRequest request, CancellationToken ct) => s.AdjustBalanceAsync(id, request, ct))
            .RequirePermission(HrPermissions.LeaveManage);

        var requests = api.MapGroup("/hr/leave-requests").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        requests.MapGet("/", (LeaveAppService s, [AsParameters] PageRequest page, ListScope? scope, LeaveRequestStatus? status, CancellationToken ct) =>
            s.GetRequestsAsync(page, scope ?? ListScope.Mine, status, ct)).WithExcelExport();
        requests.MapGet("/{id:guid}", (LeaveAppService s, Guid id, CancellationToken ct) => s.GetRequestAsync(id, ct));
        requests.MapPost("/", async (LeaveAppService s, CreateLeaveRequest request, CancellationToken ct) =>
        {
            var leave = await s.SubmitAsync(request, ct);
            return Results.Created($"/api/hr/leave-requests/{leave.Id}", leave);
        });
        api.MapGet("/hr/leave-calendar", (LeaveAppService s, string? month, Guid? departmentId, CancellationToken ct) => s.CalendarAsync(month, departmentId, ct))
            .WithTags("Leave").RequirePermission(HrPermissions.Leave);

        var claims = api.MapGroup("/hr/expense-claims").WithTags("Expense claims").RequirePermission(HrPermissions.Expenses);
        claims.MapGet("/", (ExpenseAppService s, [AsParameters] PageRequest page, ListScope? scope, ExpenseClaimStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, scope ?? ListScope.Mine, status, ct)).WithExcelExport();
        claims.MapGet("/{id:guid}", (ExpenseAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        claims.MapPost("/", async (ExpenseAppService s, SaveExpenseClaimRequest request, CancellationToken ct) =>
        {
            var claim = await s.CreateAsync(request, ct);
            return Results.Created($"/api/hr/expense-claims/{claim.Id}", claim);
        });
        claims.MapPut("/{id:guid}", (ExpenseAppService s, Guid id, SaveExpenseClaimRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct));
        claims.MapPost("/{id:guid}/submit", (ExpenseAppService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct));
        // Receipts travel as multipart uploads from the app; the bearer token (not a cookie) authenticates them, so no antiforgery token.
        claims.MapPost("/attachments", async (ExpenseAppService s, IFormFile file, CancellationToken ct) =>
        {
            var attachment = await s.UploadAsync(file, ct);
            return Results.Created($"/api/hr/expense-claims/attachments/{attachment.Id}", attachment);
        }).DisableAntiforgery();
        claims.MapGet("/attachments/{id:guid}", async (ExpenseAppService s, Guid id, CancellationToken ct) =>
        {
            var attachment = await s.DownloadAsync(id, ct);
            return Results.File(attachment.Content, attachment.ContentType, attachment.FileName);
        });
    }
}
