using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BizSuite.Hr.Data;
using BizSuite.Hr.Employees;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Onboarding;

/// <summary>
/// The accounts created for new hires in this request, so the hire's answer can show the initial password once.
/// Scoped: it lives as long as the request and is never stored.
/// </summary>
internal sealed class NewAccounts
{
    private readonly Dictionary<Guid, NewAccount> _byEmployee = [];

    public void Add(Guid employeeId, NewAccount account) => _byEmployee[employeeId] = account;

    public NewAccount? Find(Guid employeeId) => _byEmployee.GetValueOrDefault(employeeId);
}

internal sealed record NewAccount(Guid UserId, string UserName, string InitialPassword);

/// <summary>
/// What POST /hr/candidates/{id}/hire answers. It is serialized after the unit of work committed, when the account
/// handler has run, so the account fields are read then rather than when the endpoint returns.
/// </summary>
internal sealed class HireResponse(EmployeeDto employee, NewAccounts accounts)
{
    public EmployeeDto Employee => employee with { UserId = accounts.Find(employee.Id)?.UserId ?? employee.UserId };
    public string? UserName => accounts.Find(employee.Id)?.UserName;
    public string? InitialPassword => accounts.Find(employee.Id)?.InitialPassword;
}

/// <summary>A hired employee gets a user account with the tenant's new-employee role and a random initial password.</summary>
internal sealed partial class CreateAccountWhenEmployeeHired(IUserAppService users, EmployeeAppService employees, SettingStore settings, NewAccounts accounts,
    EmailSender email, JobQueue jobs, IDataProtectionProvider protection) : IDomainEventHandler<EmployeeHired>
{
    public const string PasswordPurpose = "BizSuite.Hr.InitialPassword.v1";

    public async Task HandleAsync(EmployeeHired e, CancellationToken ct)
    {
        var employee = await employees.LoadAsync(e.EmployeeId, ct);
        if (employee.UserId is not null || e.Email.Length == 0) return;
        var password = NewPassword(await settings.GetIntAsync(IdentitySettings.PasswordRequiredLength, ct));
        var role = (await settings.GetAsync(HrSettings.NewEmployeeRole, ct)).Trim();
        var user = await users.CreateAsync(new CreateUserRequest(await UserNameAsync(e, ct), e.Email, e.Name, password, true, [role]), ct);
        employee.LinkAccount(user.Id);
        accounts.Add(employee.Id, new NewAccount(user.Id, user.UserName, password));
        // The job row carries the password encrypted; it is decrypted only to write the mail.
        if (await email.IsConfiguredAsync(ct))
            jobs.Enqueue(new EmailInitialPassword(employee.Id, user.UserName, protection.CreateProtector(PasswordPurpose).Protect(password)));
    }

    /// <summary>The e-mail's local part when it makes a free user name, else the employee number.</summary>
    private async Task<string> UserNameAsync(EmployeeHired e, CancellationToken ct)
    {
        var local = e.Email.Split('@')[0];
        if (!UserNamePattern().IsMatch(local)) return e.EmployeeNumber;
        var taken = await users.GetListAsync(new PageRequest(0, PageRequest.MaxTake, null, local), ct);
        return taken.Items.Any(u => string.Equals(u.UserName, local, StringComparison.OrdinalIgnoreCase)) ? e.EmployeeNumber : local;
    }

    /// <summary>Letters without look-alikes, then digits: meets the letter-and-digit rule and reads out loud without mistakes.</summary>
    internal static string NewPassword(int requiredLength)
    {
        var length = Math.Max(12, requiredLength);
        return RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", length - 4) + RandomNumberGenerator.GetString("23456789", 4);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>Onboarding tasks for a hired employee's new account: one OA task per line of the tenant's list, due within a week.</summary>
internal sealed class AssignOnboardingTasksWhenAccountLinked(HrDbContext db, ITaskService tasks, SettingStore settings, TimeProvider clock)
    : IDomainEventHandler<EmployeeAccountLinked>
{
    public const int DueInDays = 7;

    public async Task HandleAsync(EmployeeAccountLinked e, CancellationToken ct)
    {
        // Only a hire onboards; linking an existing employee to an account by hand does not.
        if (!await db.Candidates.AnyAsync(c => c.EmployeeId == e.EmployeeId, ct)) return;
        var due = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(DueInDays);
        var titles = (await settings.GetAsync(HrSettings.OnboardingTasks, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var title in titles)
            await tasks.AssignAsync(new TaskRequest(title, null, e.UserId, due, "employee", e.EmployeeId, $"/hr/employees/{e.EmployeeId}"), ct);
    }
}

/// <summary>The new colleague's department (and its sub-departments) get a welcome announcement; without a department, everyone.</summary>
internal sealed class WelcomeWhenEmployeeHired(IAnnouncementService announcements, HrDbContext db) : IDomainEventHandler<EmployeeHired>
{
    public async Task HandleAsync(EmployeeHired e, CancellationToken ct)
    {
        var department = e.DepartmentId is { } id ? (await db.Departments.FindAsync([id], ct))?.Name : null;
        var employee = await db.Employees.FindAsync([e.EmployeeId], ct);
        var position = employee?.Position is { } p ? $"（{p}）" : "";
        await announcements.PublishAsync(new AnnouncementRequest(
            $"欢迎新同事 {e.Name} · Welcome {e.Name}",
            $"{e.Name}{position}将于 {e.HireDate:yyyy-MM-dd} 加入{department ?? "公司"}，请大家多多关照。\n" +
            $"{e.Name} joins {department ?? "the company"} on {e.HireDate:yyyy-MM-dd}. Please make them welcome.",
            e.DepartmentId is { } d ? [d] : null), ct);
    }
}
