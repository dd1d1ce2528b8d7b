using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace SkydFast.Host.Metrics;

/// <summary>
/// Renders every instrument of the <see cref="ServerMetrics.MeterName"/> meter in the Prometheus text exposition
/// format (version 0.0.4): a <c># HELP</c> and a <c># TYPE</c> line per metric, then one sample per label set.
/// Instruments are observable, so a scrape asks each for its current values.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the rendering.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly Lock _scraping = new();
    private readonly List<Instrument> _instruments = [];
    private readonly List<(Instrument Instrument, double Value, string Labels)> _samples = [];

    /// <summary>Starts listening to the server's meter.</summary>
    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName)
            {
                lock (_scraping)
                {
                    _instruments.Add(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_scraping)
            {
                _instruments.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _samples.Add((instrument, value, Labels(tags))));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _samples.Add((instrument, value, Labels(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _samples.Add((instrument, value, Labels(tags))));
        _listener.Start();
    }

    /// <summary>The current values of every instrument.</summary>
    public string Scrape()
    {
        lock (_scraping)
        {
            _samples.Clear();
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var instrument in _instruments)
            {
                var type = instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal) ? "counter" : "gauge";
                text.Append("# HELP ").Append(instrument.Name).Append(' ').Append(instrument.Description).Append('\n');
                text.Append("# TYPE ").Append(instrument.Name).Append(' ').Append(type).Append('\n');
                foreach (var (source, value, labels) in _samples)
                {
                    if (ReferenceEquals(source, instrument))
                    {
                        text.Append(instrument.Name).Append(labels).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                    }
                }
            }

            return text.ToString();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var text = new StringBuilder("{");
        foreach (var (key, value) in tags)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(key).Append("=\"").Append(Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)).Append('"');
        }

        return text.Append('}').ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
