using BizSuite.Kernel;

namespace BizSuite.Plugins.RobotNotifier;

/// <summary>Which group robot API a webhook belongs to: 企业微信 (WeCom) or 钉钉 (DingTalk).</summary>
public enum RobotKind { WeCom, DingTalk }

/// <summary>The business events a robot can announce in its group.</summary>
public enum RobotEvent { ContractSigned, InvoicePaid, ApprovalWaiting, KpiBreached }

/// <summary>A tenant's group robot (群机器人): a webhook and the events it announces. The DingTalk signing secret is stored encrypted.</summary>
internal sealed class Robot : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public RobotKind Kind { get; private set; }
    public string WebhookUrl { get; private set; } = "";
    [Sensitive]
    public string? EncryptedSecret { get; private set; }
    public List<RobotEvent> Events { get; private set; } = [];
    public bool Enabled { get; private set; }

    private Robot() { }

    public Robot(string name, RobotKind kind, string webhookUrl, IEnumerable<RobotEvent> events, bool enabled) =>
        Update(name, kind, webhookUrl, events, enabled);

    public void Update(string name, RobotKind kind, string webhookUrl, IEnumerable<RobotEvent> events, bool enabled)
    {
        Name = name.Trim();
        Kind = kind;
        WebhookUrl = webhookUrl.Trim();
        Events = events.Distinct().Order().ToList();
        Enabled = enabled;
        if (kind != RobotKind.DingTalk) EncryptedSecret = null; // only DingTalk signs its webhooks
    }

    public void SetSecret(string? encryptedSecret) => EncryptedSecret = encryptedSecret;
}

public enum RobotMessageStatus { Sent, Failed }

/// <summary>One attempt to post to a robot (an event's message or a test), kept as the robot's log.</summary>
internal sealed class RobotMessage : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid RobotId { get; private set; }
    public string Event { get; private set; } = "";
    public string Title { get; private set; } = "";
    public RobotMessageStatus Status { get; private set; }
    public string Response { get; private set; } = "";
    public DateTime SentAt { get; private set; }

    private RobotMessage() { }

    public RobotMessage(Guid robotId, string robotEvent, string title, RobotMessageStatus status, string response, DateTime sentAt)
    {
        RobotId = robotId;
        Event = robotEvent;
        Title = title.Length > 200 ? title[..200] : title;
        Status = status;
        Response = response.Length > 1000 ? response[..1000] : response;
        SentAt = sentAt;
    }
}
