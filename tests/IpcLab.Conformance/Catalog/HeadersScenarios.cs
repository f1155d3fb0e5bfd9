using IpcLab.Conformance.Scenarios;
using IpcLab.Core.Objects.Exchange;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>The headers exchange: x-match all and any over several arguments, arguments missing from the message, empty values, no arguments.</summary>
public static class HeadersScenarios
{
    private static Publish Doc(string headers, string body) => Pub("docs", "", body) with { Headers = headers, Mandatory = true };

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("headers-match-all-and-any", "headers: `all` needs every argument present with its value, `any` one; a missing argument fails `all`; values compare exactly, an empty value too")
        {
            Exchanges = [new("docs", "headers")],
            Queues =
            [
                Queue("pdfs") with { HeaderBindings = [new("docs", "format=pdf,type=report", HeadersMatch.All)] },
                Queue("urgent") with { HeaderBindings = [new("docs", "priority=high,type=invoice", HeadersMatch.Any)] },
                Queue("untranslated") with { HeaderBindings = [new("docs", "lang=,format=pdf", HeadersMatch.All)] },
            ],
            Actions =
            [
                Doc("format=pdf,type=invoice", "invoice"), Doc("format=pdf,type=report", "report"),
                Doc("type=report,priority=high,format=pdf", "incident"), Doc("format=pdf", "no-type"),
                Doc("format=pdf,type=Report", "case"), Doc("priority=low,format=png", "photo"),
                Doc("format=pdf,lang=,type=report", "empty-lang"),
                Drain("pdfs"), Drain("urgent"), Drain("untranslated"),
            ],
        },
        new("headers-x-arguments-not-matched", "a binding argument whose name starts with `x-` is not compared with the message's headers")
        {
            Exchanges = [new("docs", "headers")],
            Queues =
            [
                Queue("tenant") with { HeaderBindings = [new("docs", "x-tenant=blue,format=pdf", HeadersMatch.All)] },
                Queue("xonly") with { HeaderBindings = [new("docs", "x-tenant=blue", HeadersMatch.Any)] },
            ],
            Actions = [Doc("format=pdf", "no-tenant"), Doc("x-tenant=blue", "tenant-only"), Drain("tenant"), Drain("xonly")],
        },
        new("headers-no-arguments", "a headers binding without arguments: `all` matches every message (here one with no header of the scenario's), `any` none")
        {
            Exchanges = [new("docs", "headers")],
            Queues =
            [
                Queue("everything") with { HeaderBindings = [new("docs", "", HeadersMatch.All)] },
                Queue("nothing") with { HeaderBindings = [new("docs", "", HeadersMatch.Any)] },
            ],
            Actions = [Doc("format=pdf", "pdf"), Doc("", "bare"), Drain("everything"), Drain("nothing")],
        },
        new("headers-missing-argument-any", "x-match any: an argument missing from the message does not match, another present one does; several bindings of one queue still give one copy")
        {
            Exchanges = [new("docs", "headers")],
            Queues =
            [
                Queue("billing") with
                {
                    HeaderBindings = [new("docs", "dept=billing,region=eu", HeadersMatch.Any), new("docs", "type=invoice,format=pdf", HeadersMatch.All)],
                },
            ],
            Actions =
            [
                Doc("region=eu", "eu-only"), Doc("format=pdf,type=invoice,dept=billing", "both-bindings"), Doc("region=us,dept=sales", "neither"),
                Doc("type=invoice", "half-of-all"), Drain("billing"),
            ],
        },
    ];
}
