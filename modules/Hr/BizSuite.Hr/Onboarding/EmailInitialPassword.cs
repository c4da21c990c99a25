using BizSuite.Hr.Data;
using BizSuite.Kernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Onboarding;

/// <summary>Mails a new employee their user name and initial password (the password encrypted with Data Protection).</summary>
public sealed record EmailInitialPassword(Guid EmployeeId, string UserName, string ProtectedPassword);

internal sealed class EmailInitialPasswordJob(HrDbContext db, EmailSender email, SettingStore settings, IDataProtectionProvider protection)
    : IBackgroundJob<EmailInitialPassword>
{
    public async Task ExecuteAsync(EmailInitialPassword args, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == args.EmployeeId, ct);
        if (employee?.Email is null) return;
        var password = protection.CreateProtector(CreateAccountWhenEmployeeHired.PasswordPurpose).Unprotect(args.ProtectedPassword);
        var chinese = (await settings.GetAsync(KernelSettings.DefaultLanguage, ct)).StartsWith("zh");
        var (subject, body) = chinese
            ? ("您的 BizSuite 账号", $"{employee.Name}，您好：\n\n欢迎加入！您的用户名：{args.UserName}\n初始密码：{password}\n\n首次登录后请修改密码。")
            : ("Your BizSuite account", $"Dear {employee.Name},\n\nWelcome aboard! Your user name: {args.UserName}\nInitial password: {password}\n\nPlease change it after you first sign in.");
        await email.SendAsync(new EmailMessage(employee.Name, employee.Email, subject, body), ct);
    }
}
