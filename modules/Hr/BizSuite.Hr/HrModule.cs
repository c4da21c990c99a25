using BizSuite.Finance;
using BizSuite.Hr.Data;
using BizSuite.Hr.Departments;
using BizSuite.Hr.Employees;
using BizSuite.Hr.Expenses;
using BizSuite.Hr.Leave;
using BizSuite.Hr.Onboarding;
using BizSuite.Hr.Recruitment;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Saas;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Hr;

public sealed class HrModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<HrDbContext>();
        services.AddTimelineRecord<HrDbContext, Employee>(HrRecordTypes.Employee, HrPermissions.Employees, "/hr/employees/{id}");
        services.AddSearch<HrDbContext, Employee>(HrPermissions.Employees, db => db.Employees, e => new SearchHit(e.Id, e.Name, e.Number));
        services.AddScoped<DepartmentAppService>();
        services.AddScoped<IDepartmentAppService>(sp => sp.GetRequiredService<DepartmentAppService>());
        services.AddScoped<EmployeeAppService>();
        services.AddScoped<IEmployeeAppService>(sp => sp.GetRequiredService<EmployeeAppService>());
        services.AddScoped<IOrgDirectory, OrgDirectory>();
        services.AddScoped<EmployeeImporter>();
        services.AddScoped<ICustomFieldEntity, EmployeeCustomFields>();

        services.AddScoped<RecruitmentAppService>();
        services.AddApprovalOutcomes<DecideOfferWhenApprovalCompleted>();
        services.AddScoped<NewAccounts>();
        services.AddScoped<IDomainEventHandler<EmployeeHired>, CreateAccountWhenEmployeeHired>();
        services.AddScoped<IDomainEventHandler<EmployeeHired>, WelcomeWhenEmployeeHired>();
        services.AddScoped<IDomainEventHandler<EmployeeAccountLinked>, AssignOnboardingTasksWhenAccountLinked>();
        services.AddBackgroundJob<EmailInitialPasswordJob, EmailInitialPassword>();

        // Self-service leave and expense claims
        services.AddScoped<CurrentEmployee>();
        services.AddScoped<LeaveAppService>();
        services.AddScoped<ExpenseAppService>();
        services.AddScoped<IUsageMeter, AttachmentStorage>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedLeaveTypesWhenTenantCreated>();
        services.AddApprovalOutcomes<DecideLeaveWhenApprovalEnds>();
        services.AddApprovalOutcomes<DecideClaimWhenApprovalEnds>();
        services.AddScoped<IDomainEventHandler<PayablePaid>, MarkClaimPaidWhenPayablePaid>();
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
        api.MapDepartmentEndpoints();
        api.MapEmployeeEndpoints();
        api.MapLeaveTypeEndpoints();
        api.MapLeaveBalanceEndpoints();
        api.MapLeaveRequestEndpoints();
        api.MapExpenseClaimEndpoints();
        api.MapJobOpeningEndpoints();
        api.MapCandidateEndpoints();
    }
}
