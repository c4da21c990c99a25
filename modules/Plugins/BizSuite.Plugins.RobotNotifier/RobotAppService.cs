using BizSuite.Kernel;
using BizSuite.Plugins.RobotNotifier.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BizSuite.Plugins.RobotNotifier;

public sealed record RobotDto(Guid Id, string Name, RobotKind Kind, string WebhookUrl, bool HasSecret, IReadOnlyList<RobotEvent> Events, bool Enabled,
    DateTime CreatedAt);

/// <summary>Secret: null keeps the stored one, empty removes it, anything else replaces it (DingTalk only).</summary>
public sealed record SaveRobotRequest(string Name, RobotKind Kind, string WebhookUrl, string? Secret, IReadOnlyList<RobotEvent> Events, bool Enabled = true);

public sealed record RobotMessageDto(Guid Id, Guid RobotId, string Event, string Title, RobotMessageStatus Status, string Response, DateTime SentAt);

public sealed class RobotNotifierOptions
{
    /// <summary>Comma-separated webhook hosts tenants may post to; <c>*</c> allows any (tests, private deployments).</summary>
    public string AllowedHosts { get; set; } = "qyapi.weixin.qq.com,oapi.dingtalk.com";

    public bool Allows(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        (AllowedHosts.Trim() == "*" || AllowedHosts.Split(',', StringSplitOptions.TrimEntries).Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
}

internal sealed class RobotAppService(RobotNotifierDbContext db, RobotClient client, RobotAnnouncer announcer, TimeProvider clock)
{
    public async Task<PagedResult<RobotDto>> GetListAsync(CancellationToken ct)
    {
        var robots = await db.Robots.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return new PagedResult<RobotDto>(robots.Select(x => x.ToDto()).ToList(), robots.Count);
    }

    public async Task<RobotDto> GetAsync(Guid id, CancellationToken ct) => (await FindAsync(id, ct)).ToDto();

    public RobotDto Create(SaveRobotRequest request)
    {
        var robot = new Robot(request.Name, request.Kind, request.WebhookUrl, request.Events, request.Enabled);
        SetSecret(robot, request.Secret);
        db.Robots.Add(robot);
        return robot.ToDto();
    }

    public async Task<RobotDto> UpdateAsync(Guid id, SaveRobotRequest request, CancellationToken ct)
    {
        var robot = await FindAsync(id, ct);
        robot.Update(request.Name, request.Kind, request.WebhookUrl, request.Events, request.Enabled);
        SetSecret(robot, request.Secret);
        return robot.ToDto();
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var robot = await FindAsync(id, ct);
        db.Robots.Remove(robot);
        await db.Messages.Where(m => m.RobotId == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Posts a test message now (the admin waits for the verdict) and logs it like any other.</summary>
    public async Task<RobotMessageDto> TestAsync(Guid id, CancellationToken ct)
    {
        var robot = await FindAsync(id, ct);
        var w = await announcer.WordingAsync(ct);
        var text = new RobotText(w.T("BizSuite 测试消息", "BizSuite test message"),
            [w.Line("机器人", "Robot", robot.Name), w.T("配置成功，业务消息将发送到本群。", "It works: business events will be posted to this group.")]);
        var result = await client.SendAsync(robot, text, ct);
        var message = new RobotMessage(robot.Id, "Test", text.Title, result.Ok ? RobotMessageStatus.Sent : RobotMessageStatus.Failed, result.Response,
            clock.GetUtcNow().UtcDateTime);
        db.Messages.Add(message);
        return message.ToDto();
    }

    public async Task<PagedResult<RobotMessageDto>> GetMessagesAsync(PageRequest page, Guid? robotId, CancellationToken ct)
    {
        var query = db.Messages.AsNoTracking();
        if (robotId is not null) query = query.Where(m => m.RobotId == robotId);
        var items = await query.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<RobotMessageDto>(items.Select(x => x.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    private async Task<Robot> FindAsync(Guid id, CancellationToken ct) =>
        await db.Robots.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Robot", id);

    private void SetSecret(Robot robot, string? secret)
    {
        if (secret is null || robot.Kind != RobotKind.DingTalk) return;
        robot.SetSecret(secret.Trim().Length == 0 ? null : client.Protect(secret.Trim()));
    }
}

internal sealed class SaveRobotRequestValidator : AbstractValidator<SaveRobotRequest>
{
    public SaveRobotRequestValidator(IOptions<RobotNotifierOptions> options, IStringLocalizer l)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.WebhookUrl).NotEmpty().MaximumLength(500)
            .Must(options.Value.Allows).WithMessage(_ => l["RobotNotifier:WebhookNotAllowed", options.Value.AllowedHosts]);
        RuleFor(r => r.Events).NotEmpty();
        RuleForEach(r => r.Events).IsInEnum();
        RuleFor(r => r.Secret).MaximumLength(200);
        RuleFor(r => r.Secret).Empty().When(r => r.Kind == RobotKind.WeCom).WithMessage(_ => l["RobotNotifier:SecretOnlyForDingTalk"]);
    }
}
