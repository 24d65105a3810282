{{- define "capex-watch.labels" -}}
app.kubernetes.io/part-of: capex-watch
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "capex-watch.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .svc.name }}
{{- end }}

{{- define "capex-watch.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{ .root.Values.image.registry }}/{{ .svc.image }}-{{ .root.Values.image.variant }}:{{ $tag }}
{{- end }}

{{/* Values the chart cannot run without: rendering fails with a message naming the value. */}}
{{- define "capex-watch.required" -}}
{{- $_ := required "edgar.userAgent is required: SEC fair access needs a User-Agent with a contact, e.g. \"Example Research research@example.com\"" .Values.edgar.userAgent -}}
{{- $_ := required "postgresql.host is required: capex-watch runs against your own PostgreSQL" .Values.postgresql.host -}}
{{- $_ := required "redis.url is required: verdict-api caches current verdicts in Redis" .Values.redis.url -}}
{{- $_ := required "kafka.bootstrapServers is required: the services talk through Kafka" .Values.kafka.bootstrapServers -}}
{{- end }}
