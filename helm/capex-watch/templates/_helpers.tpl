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

{{/* Every pod of this release, whichever service: what the default-deny NetworkPolicy and the ServiceMonitor select. */}}
{{- define "capex-watch.releaseSelector" -}}
app.kubernetes.io/part-of: capex-watch
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* One repository per service, the variant as tag suffix: ghcr.io/capexwatch/verdict-api:0.1.0-native */}}
{{- define "capex-watch.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{ .root.Values.image.registry }}/{{ .svc.image }}:{{ $tag }}-{{ .root.Values.image.variant }}
{{- end }}

{{/* Values the chart cannot run without: rendering fails with a message naming the value. */}}
{{- define "capex-watch.required" -}}
{{- $_ := required "edgar.userAgent is required: SEC fair access needs a User-Agent with a contact, e.g. \"Example Research research@example.com\"" .Values.edgar.userAgent -}}
{{- $_ := required "postgresql.host is required: capex-watch runs against your own PostgreSQL" .Values.postgresql.host -}}
{{- $_ := required "redis.url is required: verdict-api caches current verdicts in Redis" .Values.redis.url -}}
{{- $_ := required "kafka.bootstrapServers is required: the services talk through Kafka" .Values.kafka.bootstrapServers -}}
{{- if not (has .Values.image.variant (list "jvm" "native")) }}
{{- fail (printf "image.variant must be jvm or native, not %q" .Values.image.variant) }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "ingress.host is required when ingress.enabled is true" }}
{{- end }}
{{- if and .Values.auth.readsRequireToken (not (or .Values.auth.apiKeysSecret .Values.auth.jwtPublicKeySecret)) }}
{{- fail "auth.readsRequireToken needs auth.apiKeysSecret or auth.jwtPublicKeySecret: otherwise no reader could authenticate" }}
{{- end }}
{{- range $key, $svc := .Values.services }}
{{- if and (dig "autoscaling" "enabled" false $svc) (gt (int $svc.autoscaling.minReplicas) (int $svc.autoscaling.maxReplicas)) }}
{{- fail (printf "services.%s.autoscaling: minReplicas (%v) is above maxReplicas (%v)" $key $svc.autoscaling.minReplicas $svc.autoscaling.maxReplicas) }}
{{- end }}
{{- end }}
{{- end }}
