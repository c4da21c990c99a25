using BizSuite.Hr.Data;
using BizSuite.Hr.Departments;
using BizSuite.Hr.Employees;
using BizSuite.Hr.Onboarding;
using BizSuite.Hr.Recruitment;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Hr;

public sealed class HrModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<HrDbContext>();
        services.AddScoped<DepartmentAppService>();
        services.AddScoped<IDepartmentAppService>(sp => sp.GetRequiredService<DepartmentAppService>());
        services.AddScoped<EmployeeAppService>();
        services.AddScoped<IEmployeeAppService>(sp => sp.GetRequiredService<EmployeeAppService>());
        services.AddScoped<IOrgDirectory, OrgDirectory>();
        services.AddScoped<EmployeeImporter>();

        services.AddScoped<RecruitmentAppService>();
        services.AddApprovalOutcomes<DecideOfferWhenApprovalCompleted>();
        services.AddScoped<NewAccounts>();
        services.AddScoped<IDomainEventHandler<EmployeeHired>, CreateAccountWhenEmployeeHired>();
        services.AddScoped<IDomainEventHandler<EmployeeHired>, WelcomeWhenEmployeeHired>();
        services.AddScoped<IDomainEventHandler<EmployeeAccountLinked>, AssignOnboardingTasksWhenAccountLinked>();
        services.AddBackgroundJob<EmailInitialPasswordJob, EmailInitialPassword>();
        services.AddSelfService();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Hr")
        .Add(HrPermissions.Departments, HrPermissions.DepartmentsManage)
        .Add(HrPermissions.Employees, HrPermissions.EmployeesManage, HrPermissions.EmployeesNationalId)
        .Add(HrPermissions.Recruitment, HrPermissions.RecruitmentManage)
        .AddForMembers(HrPermissions.MyProfile)
        .AddForMembers(HrPermissions.Leave)
        .Add(HrPermissions.LeaveManage)
        .AddForMembers(HrPermissions.Expenses)
        .Add(HrPermissions.ExpensesManage);

    public override void DefineSettings(SettingDefinitionContext context) => context
        .Add(HrSettings.NewEmployeeRole, "member", v => v.Trim().Length is > 0 and <= 64)
        .Add(HrSettings.OnboardingTasks, "签署劳动合同\n领取办公设备\n完成入职培训", v => v.Length <= 2000);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var departments = api.MapGroup("/hr/departments").WithTags("Departments").RequirePermission(HrPermissions.Departments);
        departments.MapGet("/", (DepartmentAppService s, CancellationToken ct) => s.GetListAsync(ct));
        departments.MapGet("/{id:guid}", (DepartmentAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        departments.MapPost("/", async (DepartmentAppService s, SaveDepartmentRequest request, CancellationToken ct) =>
        {
            var department = await s.CreateAsync(request, ct);
            return Results.Created($"/api/hr/departments/{department.Id}", department);
        }).RequirePermission(HrPermissions.DepartmentsManage);
        departments.MapPut("/{id:guid}", (DepartmentAppService s, Guid id, SaveDepartmentRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(HrPermissions.DepartmentsManage);
        departments.MapDelete("/{id:guid}", async (DepartmentAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(HrPermissions.DepartmentsManage);
        api.MapGet("/hr/org-chart", (DepartmentAppService s, CancellationToken ct) => s.OrgChartAsync(ct))
            .WithTags("Departments").RequirePermission(HrPermissions.Departments);

        // /me before /{id}: the self-service route needs only the member permission.
        api.MapGet("/hr/employees/me", (EmployeeAppService s, CancellationToken ct) => s.GetMineAsync(ct))
            .WithTags("Employees").RequirePermission(HrPermissions.MyProfile);
        var employees = api.MapGroup("/hr/employees").WithTags("Employees").RequirePermission(HrPermissions.Employees);
        employees.MapGet("/", (EmployeeAppService s, [AsParameters] PageRequest page, Guid? departmentId, EmployeeStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, departmentId, status, ct)).WithExcelExport();
        employees.MapGet("/{id:guid}", (EmployeeAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        employees.MapGet("/{id:guid}/national-id", (EmployeeAppService s, Guid id, CancellationToken ct) => s.GetNationalIdAsync(id, ct))
            .RequirePermission(HrPermissions.EmployeesNationalId);
        employees.MapPost("/", async (EmployeeAppService s, SaveEmployeeRequest request, CancellationToken ct) =>
        {
            var employee = await s.CreateAsync(request, ct);
            return Results.Created($"/api/hr/employees/{employee.Id}", employee);
        }).RequirePermission(HrPermissions.EmployeesManage);
        employees.MapPut("/{id:guid}", (EmployeeAppService s, Guid id, SaveEmployeeRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(HrPermissions.EmployeesManage);
        employees.MapImport<EmployeeImporter>(HrPermissions.EmployeesManage);
        api.MapSelfService();
    
        var openings = api.MapGroup("/hr/job-openings").WithTags("Recruitment").RequirePermission(HrPermissions.Recruitment);
        openings.MapGet("/", (RecruitmentAppService s, JobOpeningStatus? status, CancellationToken ct) => s.GetOpeningsAsync(status, ct));
        openings.MapGet("/{id:guid}", (RecruitmentAppService s, Guid id, CancellationToken ct) => s.GetOpeningAsync(id, ct));
        openings.MapPost("/", async (RecruitmentAppService s, SaveJobOpeningRequest request, CancellationToken ct) =>
        {
            var opening = await s.CreateOpeningAsync(request, ct);
            return Results.Created($"/api/hr/job-openings/{opening.Id}", opening);
        }).RequirePermission(HrPermissions.RecruitmentManage);
        openings.MapPut("/{id:guid}", (RecruitmentAppService s, Guid id, SaveJobOpeningRequest request, CancellationToken ct) =>
            s.UpdateOpeningAsync(id, request, ct)).RequirePermission(HrPermissions.RecruitmentManage);

        var candidates = api.MapGroup("/hr/candidates").WithTags("Recruitment").RequirePermission(HrPermissions.Recruitment);
        candidates.MapGet("/", (RecruitmentAppService s, [AsParameters] PageRequest page, Guid? openingId, CandidateStage? stage, CancellationToken ct) =>
            s.GetCandidatesAsync(page, openingId, stage, ct)).WithExcelExport();
        candidates.MapGet("/{id:guid}", (RecruitmentAppService s, Guid id, CancellationToken ct) => s.GetCandidateAsync(id, ct));
        candidates.MapPost("/", async (RecruitmentAppService s, SaveCandidateRequest request, CancellationToken ct) =>
        {
            var candidate = await s.CreateCandidateAsync(request, ct);
            return Results.Created($"/api/hr/candidates/{candidate.Id}", candidate);
        }).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPut("/{id:guid}", (RecruitmentAppService s, Guid id, SaveCandidateRequest request, CancellationToken ct) =>
            s.UpdateCandidateAsync(id, request, ct)).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/move", (RecruitmentAppService s, Guid id, MoveCandidateRequest request, CancellationToken ct) =>
            s.MoveAsync(id, request, ct)).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/interviews", (RecruitmentAppService s, Guid id, RecordInterviewRequest request, CancellationToken ct) =>
            s.RecordInterviewAsync(id, request, ct)).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/offer", (RecruitmentAppService s, Guid id, MakeOfferRequest request, CancellationToken ct) =>
            s.MakeOfferAsync(id, request, ct)).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/hire", async (RecruitmentAppService s, EmployeeAppService employees, NewAccounts accounts, Guid id,
            CancellationToken ct) =>
        {
            var employee = await s.HireAsync(id, ct);
            return new HireResponse(await employees.GetDtoAsync(employee, ct), accounts);
        }).RequirePermission(HrPermissions.RecruitmentManage);
    }
}
