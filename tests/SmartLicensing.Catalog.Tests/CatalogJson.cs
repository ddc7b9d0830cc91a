using System.Text;
using System.Text.Json.Nodes;

namespace SmartLicensing.Catalog.Tests;

/// <summary>A small valid catalog that a test changes in one place to provoke one error.</summary>
internal static class CatalogJson
{
    public const string Source = "test.json";

    private const string ValidText = """
        {
          "name": "Test",
          "k8Limits": { "tlsProxySessions": 1000, "srtpSessions": 250 },
          "platforms": [
            {
              "id": "virtual", "name": "Virtual",
              "features": {
                "botnetTrafficFilter": "enabled", "carrier": "enabled", "clustering": "not-supported",
                "failover": "active-standby", "encryption": "export-controlled", "securityContexts": { "supported": false }
              }
            },
            {
              "id": "chassis", "name": "Chassis",
              "features": {
                "botnetTrafficFilter": "not-supported", "carrier": "optional", "clustering": "enabled",
                "failover": "active-active", "encryption": "base",
                "securityContexts": { "supported": true, "default": 10, "maximum": 250, "increment": 10 }
              },
              "entitlements": { "standard": "CH-STD", "reservation": "CH-PERM" }
            }
          ],
          "entitlements": [
            { "tag": "regid.2014-08.com.example.V-STD-1G,1.0_00000000-0000-4000-8000-000000000001", "shortTag": "V-STD-1G", "displayName": "V1 Standard - 1G" },
            { "tag": "regid.2014-08.com.example.V-STD-2G,1.0_00000000-0000-4000-8000-000000000002", "shortTag": "V-STD-2G", "displayName": "V2 Standard - 2G" },
            { "tag": "regid.2016-02.com.example.V-PERM,1.0_00000000-0000-4000-8000-000000000003", "shortTag": "V-PERM", "displayName": "V1 Permanent Universal" },
            { "tag": "regid.2015-01.com.example.CH-STD,1.0_00000000-0000-4000-8000-000000000004", "shortTag": "CH-STD", "displayName": "Chassis Standard" },
            { "tag": "regid.2015-01.com.example.CH-PERM,1.0_00000000-0000-4000-8000-000000000005", "shortTag": "CH-PERM", "displayName": "Chassis PERM UNIV" }
          ],
          "licenses": [
            { "pid": "L-V1S-K9=", "description": "V1 Standard - 1G", "kind": "regular", "platform": "virtual", "grants": [ { "shortTag": "V-STD-1G", "count": 1 } ] },
            { "pid": "L-CH-STD=", "description": "Chassis Standard", "kind": "regular", "platform": "chassis", "grants": [ { "shortTag": "CH-STD", "count": 1 } ] },
            { "pid": "L-CH-BPU=", "description": "Chassis PERM UNIV", "kind": "reservation", "exportClass": "K8", "grants": [ { "shortTag": "CH-PERM", "count": 1 } ] }
          ],
          "asavModels": [
            {
              "model": "V1", "platform": "virtual", "vcpus": 1, "memoryMb": 2048, "throughputLevel": "1G", "throughputText": "1 Gbps",
              "standardShortTag": "V-STD-1G", "reservationShortTag": "V-PERM",
              "firewallConnections": 100000, "tlsProxySessions": 500, "anyConnectPeers": 250, "otherVpnPeers": 250, "totalVpnPeers": 250, "vlans": 50
            },
            {
              "model": "V2", "platform": "virtual", "vcpus": 4, "memoryMb": 8192, "throughputLevel": "2G", "throughputText": "2 Gbps",
              "standardShortTag": "V-STD-2G", "permanentReservation": false,
              "firewallConnections": 500000, "tlsProxySessions": 1000, "anyConnectPeers": 750, "otherVpnPeers": 1000, "totalVpnPeers": 1000, "vlans": 200,
              "note": "estimate"
            }
          ],
          "firepowerModels": [
            {
              "model": "C1", "platform": "chassis", "firewallConnections": 60000000, "chassis": { "modules": 3, "firewallConnections": 70000000 },
              "tlsProxySessions": 15000, "anyConnectPeers": 20000, "otherVpnPeers": 20000, "totalVpnPeers": 20000, "vlans": 1024
            }
          ]
        }
        """;

    public static JsonObject Valid() => JsonNode.Parse(ValidText)!.AsObject();

    /// <summary>Replaces the value at <paramref name="path"/> (<c>licenses[0].grants[0].count</c>) with raw JSON, or removes it when <paramref name="rawJson"/> is null; an index one past the end appends.</summary>
    public static JsonObject With(string path, string? rawJson)
    {
        var root = Valid();
        var segments = path.Split('.');
        JsonNode parent = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments[i]);
        }

        var last = segments[^1];
        var value = rawJson is null ? null : JsonNode.Parse(rawJson);
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            var array = parent[last[..bracket]]!.AsArray();
            var index = int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }

            return root;
        }

        var target = parent.AsObject();
        if (rawJson is null)
        {
            target.Remove(last);
        }
        else
        {
            target[last] = value;
        }

        return root;
    }

    public static ProductCatalog Load(JsonNode catalog) => Load(catalog.ToJsonString());

    public static ProductCatalog Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CatalogLoader.Load(stream, Source);
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[segment]!;
        }

        var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[segment[..bracket]]![index]!;
    }
}
